//! The global allocator of the `ergraph` binary and its benchmark: mimalloc,
//! asked through its plain entry points for the common case.
//!
//! `mimalloc::MiMalloc` passes every request to mimalloc's aligned functions,
//! which take a longer path; the analysis allocates millions of small strings
//! and vectors. Every block mimalloc hands out is aligned to the size of a
//! pointer, so a layout asking no more than that goes through `mi_malloc`,
//! `mi_zalloc` and `mi_realloc`; a larger alignment keeps the aligned calls.

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

use libmimalloc_sys as mi;

/// Alignment of every block mimalloc returns (`MI_INTPTR_SIZE`).
const PLAIN_ALIGN: usize = std::mem::size_of::<usize>();

/// mimalloc, with plain calls for pointer-aligned layouts.
pub struct MiMalloc;

// SAFETY: each method forwards to the mimalloc function that honours the layout:
// the plain functions return blocks aligned to `PLAIN_ALIGN`, used only when the
// layout asks no more; mimalloc's blocks are freed by `mi_free` whichever call
// made them, and `mi_realloc` keeps the alignment of the block it grows.
unsafe impl GlobalAlloc for MiMalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= PLAIN_ALIGN {
            mi::mi_malloc(layout.size()) as *mut u8
        } else {
            mi::mi_malloc_aligned(layout.size(), layout.align()) as *mut u8
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= PLAIN_ALIGN {
            mi::mi_zalloc(layout.size()) as *mut u8
        } else {
            mi::mi_zalloc_aligned(layout.size(), layout.align()) as *mut u8
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        mi::mi_free(ptr as *mut c_void);
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if layout.align() <= PLAIN_ALIGN {
            mi::mi_realloc(ptr as *mut c_void, new_size) as *mut u8
        } else {
            mi::mi_realloc_aligned(ptr as *mut c_void, new_size, layout.align()) as *mut u8
        }
    }
}

/// Turns transparent huge pages off for this process (Linux; elsewhere nothing).
///
/// mimalloc asks the kernel for huge pages, and the kernel then zeroes 2 MiB at
/// every first touch even where a few KiB are used; the analysis frees and takes
/// memory all the time, and on the benchmark corpus this cost half the system
/// time and 40 MB of peak memory. Called first thing in `main`: the flag covers
/// every later fault of the process.
pub fn without_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes plain integers and touches no memory of ours;
    // on a kernel without it the call fails with EINVAL, which changes nothing.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}
