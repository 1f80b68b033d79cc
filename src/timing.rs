//! Phase timings for finding where wall time goes: with `ERGRAPH_PHASES` set in the
//! environment, each timed phase prints one line to stderr; otherwise nothing is
//! printed and the output is the same.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// Whether `ERGRAPH_PHASES` is set (read once).
pub fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("ERGRAPH_PHASES").is_some())
}

/// Prints `label` and the time since `start` when timings are on.
pub fn phase(label: &str, start: Instant) {
    report(label, start.elapsed());
}

/// Prints `label`, `took` and when it ended (since the first timing asked for) when
/// timings are on: phases on other threads overlap, and the ends show how.
pub fn report(label: &str, took: Duration) {
    if enabled() {
        let end = epoch().elapsed().as_secs_f64();
        eprintln!(
            "phase {label:<24} {:>8.3} s (ends at {end:.3} s; cpu {:.3} s)",
            took.as_secs_f64(),
            process_cpu().as_secs_f64()
        );
    }
}

/// The processor time of every thread of the process so far: beside the wall time,
/// it shows how busy the cores were between two phases.
fn process_cpu() -> Duration {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `t` is a valid timespec to write to.
    match unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut t) } {
        0 => Duration::new(t.tv_sec as u64, t.tv_nsec as u32),
        _ => Duration::ZERO,
    }
}

/// Prints `label` and a count when timings are on.
pub fn count(label: &str, n: usize) {
    if enabled() {
        eprintln!("count {label:<24} {n:>8}");
    }
}

/// When the first phase was timed.
fn epoch() -> Instant {
    static START: OnceLock<Instant> = OnceLock::new();
    *START.get_or_init(Instant::now)
}

/// Runs `f`, timing it as `label`.
pub fn timed<T>(label: &str, f: impl FnOnce() -> T) -> T {
    if enabled() {
        epoch();
    }
    let start = Instant::now();
    let out = f();
    phase(label, start);
    out
}
