//! Replacing files so that a reader (or a failed run) sees the old version or the new
//! one, never half of either.
//!
//! An output folder is replaced whole by [`OutputDir`]: the build writes a hidden
//! staging folder beside it (`.NAME.PID-N.staging`), and [`OutputDir::commit`] swaps the
//! two with one `renameat2(RENAME_EXCHANGE)` on Linux, so a reader sees the complete old
//! set of files or the complete new one, never a mix and never no folder. Where the
//! file system cannot exchange, the old folder is renamed aside first (a short moment
//! with no folder, still never a mix). While a build runs it holds an exclusive lock
//! on `.NAME.lock` beside the folder; a second build into the same folder stops at once.
//! A build removes what killed builds left beside the folder (staging and old folders).
//!
//! Because the swap deletes the old folder, a folder is only replaced when ergraph made
//! it: it holds the [`MARKER`] file, or nothing but files ergraph writes (from versions
//! before the marker). Anything else is refused, so `-o ~` cannot delete a home folder.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Makes temporary names unique between threads of one process; the pid covers processes.
static COUNTER: AtomicU64 = AtomicU64::new(0);

/// A finished, synced temporary file waiting to be renamed over its target.
///
/// Dropping it without [`Staged::commit`] removes the temporary file, so every error path
/// (and a panic) cleans up after itself.
#[derive(Debug)]
pub struct Staged {
    tmp: Option<PathBuf>,
    target: PathBuf,
}

impl Staged {
    /// The file this will replace.
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Renames the temporary file over the target; on error the temporary file is removed.
    pub fn commit(mut self) -> io::Result<PathBuf> {
        let Some(tmp) = self.tmp.take() else {
            return Ok(self.target.clone());
        };
        if let Err(err) = fs::rename(&tmp, &self.target) {
            let _ = fs::remove_file(&tmp);
            return Err(err);
        }
        sync_dir(&self.target);
        Ok(self.target.clone())
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if let Some(tmp) = self.tmp.take() {
            let _ = fs::remove_file(tmp);
        }
    }
}

/// Writes the new content of `target` with `fill` into a temporary file in the same
/// folder (so the later rename stays on one file system) and syncs it to disk.
pub fn stage<F>(target: &Path, fill: F) -> io::Result<Staged>
where
    F: FnOnce(&mut dyn Write) -> io::Result<()>,
{
    let (tmp, file) = create_temp(target)?;
    let staged = Staged {
        tmp: Some(tmp),
        target: target.to_path_buf(),
    };
    let mut out = BufWriter::new(file);
    fill(&mut out)?;
    let file = out.into_inner().map_err(|err| err.into_error())?;
    file.sync_all()?;
    Ok(staged)
}

/// Replaces `target` with what `fill` writes, atomically.
pub fn write_atomic<F>(target: &Path, fill: F) -> io::Result<PathBuf>
where
    F: FnOnce(&mut dyn Write) -> io::Result<()>,
{
    stage(target, fill)?.commit()
}

/// Creates `.NAME.PID-N.tmp` next to `target`; hidden so that a crash leaves no file
/// that looks like output.
fn create_temp(target: &Path) -> io::Result<(PathBuf, File)> {
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".to_string());
    let pid = std::process::id();
    let mut last = None;
    // Stale files from crashed runs that had the same pid are skipped, within reason.
    for _ in 0..100 {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let tmp = dir.join(format!(".{name}.{pid}-{n}.tmp"));
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(file) => return Ok((tmp, file)),
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists => last = Some(err),
            Err(err) => return Err(err),
        }
    }
    Err(last.unwrap_or_else(|| io::Error::other("cannot create a temporary file")))
}

/// Makes the rename itself durable. Best effort: not every platform can sync a folder.
fn sync_dir(target: &Path) {
    #[cfg(unix)]
    if let Some(dir) = target.parent() {
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        if let Ok(dir) = File::open(dir) {
            let _ = dir.sync_all();
        }
    }
    #[cfg(not(unix))]
    let _ = target;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn replaces_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.csv");
        fs::write(&path, "old").unwrap();
        write_atomic(&path, |w| w.write_all(b"new")).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(names(dir.path()), ["a.csv"]);
    }

    #[test]
    fn failed_write_keeps_the_old_file_and_leaves_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.csv");
        fs::write(&path, "old").unwrap();
        let err = write_atomic(&path, |w| {
            w.write_all(b"half")?;
            Err(io::Error::other("disk full"))
        })
        .unwrap_err();
        assert_eq!(err.to_string(), "disk full");
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(names(dir.path()), ["a.csv"]);
    }

    #[test]
    fn dropped_stage_removes_its_temp() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.dot");
        let staged = stage(&path, |w| w.write_all(b"x")).unwrap();
        assert_eq!(names(dir.path()).len(), 1);
        drop(staged);
        assert!(names(dir.path()).is_empty());
    }

    #[test]
    fn missing_folder_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no/such/dir/a.csv");
        assert!(write_atomic(&path, |w| w.write_all(b"x")).is_err());
    }
}

/// The file every output folder holds, naming who wrote it; its content is fixed so
/// that two builds of the same input give the same bytes.
pub const MARKER: &str = ".ergraph";

const MARKER_TEXT: &str = "This folder was written by ergraph; each build replaces it whole, so keep no other files in it.\n";

/// Pictures `--render` writes beside the files of [`super::FILES`]; together they are
/// what a folder from before [`MARKER`] may hold.
const PICTURES: [&str; 3] = ["graph.pdf", "graph.png", "graph.svg"];

fn is_known_file(name: &str) -> bool {
    super::FILES.contains(&name) || PICTURES.contains(&name)
}

/// Why ergraph will not write an output folder: the message is the whole story, so
/// callers print it after the path as it is.
#[derive(Debug)]
pub struct Refusal(String);

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Refusal {}

impl Refusal {
    /// The refusal inside `err`, if `err` is one.
    pub fn of(err: &io::Error) -> Option<&Refusal> {
        err.get_ref()?.downcast_ref::<Refusal>()
    }

    fn err(kind: io::ErrorKind, message: String) -> io::Error {
        io::Error::new(kind, Refusal(message))
    }
}

/// An output folder being written: every file goes into a fresh hidden staging folder
/// beside it, and [`OutputDir::commit`] puts the whole set in place at once.
///
/// Dropping it without committing removes the staging folder. The lock on the folder
/// is held from [`OutputDir::begin`] until the value is committed or dropped.
#[derive(Debug)]
pub struct OutputDir {
    staging: Option<PathBuf>,
    /// The folder as the user named it, for messages.
    target: PathBuf,
    /// The folder to replace, with links and `.`/`..` resolved.
    real: PathBuf,
    _lock: Option<Lock>,
}

impl OutputDir {
    /// Locks `target`, removes leftovers of killed builds, and creates the staging
    /// folder (with the [`MARKER`] file in it) beside `target`, whose parent is created
    /// if needed. Fails at once if another build holds the lock, or if `target` exists
    /// and is not a folder ergraph wrote.
    pub fn begin(target: &Path) -> io::Result<OutputDir> {
        let real = resolve(target)?;
        let (parent, name) = split(&real)?;
        let lock = Lock::take(&parent.join(format!(".{name}.lock")), target)?;
        check_replaceable(target, &real)?;
        remove_leftovers(&parent, &name);
        let mut staging = None;
        for _ in 0..100 {
            let n = COUNTER.fetch_add(1, Ordering::Relaxed);
            let path = parent.join(format!(".{name}.{}-{n}.staging", std::process::id()));
            match fs::create_dir(&path) {
                Ok(()) => {
                    staging = Some(path);
                    break;
                }
                Err(err) if err.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(err) => return Err(err),
            }
        }
        let staging = staging.ok_or_else(|| io::Error::other("cannot create a staging folder"))?;
        let out = OutputDir {
            staging: Some(staging),
            target: target.to_path_buf(),
            real,
            _lock: Some(lock),
        };
        fs::write(out.path().join(MARKER), MARKER_TEXT)?;
        Ok(out)
    }

    /// The folder to write the files into.
    pub fn path(&self) -> &Path {
        self.staging.as_deref().unwrap_or(&self.target)
    }

    /// The folder the files are meant for.
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Syncs the staged files (all at once) and puts the staging folder in place of the
    /// target.
    pub fn commit(mut self) -> io::Result<PathBuf> {
        let Some(staging) = self.staging.take() else {
            return Ok(self.target.clone());
        };
        let result = (|| {
            let mut files = Vec::new();
            for entry in fs::read_dir(&staging)? {
                let path = entry?.path();
                if path.is_file() {
                    files.push(path);
                }
            }
            sync_files(&files)?;
            sync_folder(&staging);
            check_replaceable(&self.target, &self.real)?;
            swap_in(&staging, &self.real)
        })();
        if let Err(err) = result {
            let _ = fs::remove_dir_all(&staging);
            return Err(err);
        }
        sync_dir(&self.real);
        Ok(self.target.clone())
    }
}

/// Syncs `files` to disk, all at once: each sync mostly waits for the disk, which
/// takes several at a time.
fn sync_files(files: &[PathBuf]) -> io::Result<()> {
    std::thread::scope(|scope| {
        let syncs: Vec<_> = (files.iter())
            .map(|path| scope.spawn(move || File::open(path)?.sync_all()))
            .collect();
        (syncs.into_iter())
            .try_for_each(|s| s.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
    })
}

impl Drop for OutputDir {
    fn drop(&mut self) {
        if let Some(staging) = self.staging.take() {
            let _ = fs::remove_dir_all(staging);
        }
    }
}

/// `target` with links, `.` and `..` resolved where it exists (its parent otherwise),
/// so that staging folders are made beside the real folder.
fn resolve(target: &Path) -> io::Result<PathBuf> {
    if fs::symlink_metadata(target).is_ok() {
        return fs::canonicalize(target);
    }
    let (parent, name) = match (target.parent(), target.file_name()) {
        (Some(p), Some(n)) if !p.as_os_str().is_empty() => (p.to_path_buf(), n),
        (_, Some(n)) => (PathBuf::from("."), n),
        _ => {
            return Err(Refusal::err(
                io::ErrorKind::InvalidInput,
                "not a folder name ergraph can write; name a folder".into(),
            ))
        }
    };
    fs::create_dir_all(&parent)?;
    Ok(fs::canonicalize(parent)?.join(name))
}

fn split(real: &Path) -> io::Result<(PathBuf, String)> {
    match (real.parent(), real.file_name()) {
        (Some(parent), Some(name)) => {
            Ok((parent.to_path_buf(), name.to_string_lossy().into_owned()))
        }
        _ => Err(Refusal::err(
            io::ErrorKind::InvalidInput,
            "is the root of the file system; name a folder for the output".into(),
        )),
    }
}

/// Refuses to replace anything but a missing folder, an empty one, or one ergraph wrote.
fn check_replaceable(shown: &Path, real: &Path) -> io::Result<()> {
    let meta = match fs::symlink_metadata(real) {
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(err) => return Err(err),
        Ok(meta) => meta,
    };
    if !meta.is_dir() {
        return Err(Refusal::err(
            io::ErrorKind::AlreadyExists,
            "exists and is not a folder; remove it or choose another -o".into(),
        ));
    }
    if real.join(MARKER).is_file() {
        return Ok(());
    }
    let mut names: Vec<String> = fs::read_dir(real)?
        .map(|e| e.map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect::<io::Result<_>>()?;
    names.sort();
    let foreign = names.iter().find(|n| !is_known_file(n) && !is_our_temp(n));
    match foreign {
        None => Ok(()),
        Some(name) => Err(Refusal::err(
            io::ErrorKind::AlreadyExists,
            format!(
                "holds {name:?}, which ergraph did not write, and no {MARKER} file; a build replaces the whole folder, so ergraph will not write there: choose a new or empty folder with -o (it was {})",
                shown.display()
            ),
        )),
    }
}

/// `.NAME.PID-N.tmp`, the temporary file of [`stage`].
fn is_our_temp(name: &str) -> bool {
    name.strip_prefix('.')
        .and_then(|n| n.strip_suffix(".tmp"))
        .and_then(|n| n.rsplit_once('.'))
        .is_some_and(|(_, run)| is_run_id(run))
}

/// `PID-N`.
fn is_run_id(run: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    run.split_once('-')
        .is_some_and(|(pid, n)| digits(pid) && digits(n))
}

/// Removes `.NAME.PID-N.staging` and `.NAME.PID-N.old` beside the folder: only a build
/// holding the lock calls this, so no live build owns them.
fn remove_leftovers(parent: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    let prefix = format!(".{name}.");
    for entry in entries.flatten() {
        let file = entry.file_name();
        let file = file.to_string_lossy();
        let Some(rest) = file.strip_prefix(&prefix) else {
            continue;
        };
        let run = rest
            .strip_suffix(".staging")
            .or_else(|| rest.strip_suffix(".old"));
        if run.is_some_and(is_run_id) {
            let path = entry.path();
            let removed = match fs::symlink_metadata(&path) {
                Ok(meta) if meta.is_dir() => fs::remove_dir_all(&path),
                _ => fs::remove_file(&path),
            };
            let _ = removed;
        }
    }
}

/// Puts `staging` at `target`: a plain rename when there is no target, an atomic
/// exchange where the system has one, else renaming the old folder aside first.
fn swap_in(staging: &Path, target: &Path) -> io::Result<()> {
    if fs::symlink_metadata(target).is_err() {
        return fs::rename(staging, target);
    }
    match exchange(staging, target) {
        Ok(()) => {
            // `staging` now holds the old folder.
            remove_folder(staging);
            return Ok(());
        }
        Err(err) if !exchange_unsupported(&err) => return Err(err),
        Err(_) => {}
    }
    let old = match staging.to_str().and_then(|s| s.strip_suffix(".staging")) {
        Some(base) => PathBuf::from(format!("{base}.old")),
        None => staging.with_extension("old"),
    };
    fs::rename(target, &old)?;
    if let Err(err) = fs::rename(staging, target) {
        let _ = fs::rename(&old, target);
        return Err(err);
    }
    remove_folder(&old);
    Ok(())
}

/// Removes the folder `dir` (an old output folder) and what it holds, its entries
/// all at once: freeing a big file's blocks takes the file system a while, and it
/// frees several files side by side. Failures are ignored, as a leftover is removed
/// by the next build.
fn remove_folder(dir: &Path) {
    let entries: Vec<fs::DirEntry> = match fs::read_dir(dir) {
        Ok(entries) => entries.flatten().collect(),
        Err(_) => Vec::new(),
    };
    std::thread::scope(|scope| {
        for entry in &entries {
            scope.spawn(move || match entry.file_type() {
                Ok(t) if t.is_dir() => fs::remove_dir_all(entry.path()),
                _ => fs::remove_file(entry.path()),
            });
        }
    });
    let _ = fs::remove_dir_all(dir);
}

/// Bytes written between two requests to start writing a file to disk.
const WRITEBACK_STEP: u64 = 8 << 20;

/// An output file whose bytes the system is asked to start writing to disk every
/// [`WRITEBACK_STEP`] bytes, and when it is flushed, without waiting: the disk works while the build still
/// computes, and the sync before the folder is swapped in ([`OutputDir::commit`])
/// finds little left to write. (Linux; elsewhere a plain file.) The request is
/// advice: its errors are ignored, and the final sync reports any failure.
#[derive(Debug)]
pub struct EarlyFile {
    file: File,
    written: u64,
    asked: u64,
}

impl EarlyFile {
    /// Creates (or truncates) the file at `path`.
    pub fn create(path: &Path) -> io::Result<EarlyFile> {
        Ok(EarlyFile {
            file: File::create(path)?,
            written: 0,
            asked: 0,
        })
    }
}

impl Write for EarlyFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.file.write(buf)?;
        self.written += n as u64;
        if self.written - self.asked >= WRITEBACK_STEP {
            start_writeback(&self.file, self.asked, self.written - self.asked);
            self.asked = self.written;
        }
        Ok(n)
    }

    /// Also asks for the bytes not yet asked for to be written: a file is flushed
    /// when it is whole, and its last bytes then need not wait for the final sync.
    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()?;
        if self.written > self.asked {
            start_writeback(&self.file, self.asked, self.written - self.asked);
            self.asked = self.written;
        }
        Ok(())
    }
}

#[cfg(target_os = "linux")]
fn start_writeback(file: &File, from: u64, len: u64) {
    use std::os::fd::AsRawFd;
    let (Ok(from), Ok(len)) = (i64::try_from(from), i64::try_from(len)) else {
        return;
    };
    // SAFETY: the descriptor is open for the whole call, which reads only its arguments.
    unsafe {
        libc::sync_file_range(file.as_raw_fd(), from, len, libc::SYNC_FILE_RANGE_WRITE);
    }
}

#[cfg(not(target_os = "linux"))]
fn start_writeback(_file: &File, _from: u64, _len: u64) {}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use std::os::unix::ffi::OsStrExt;
    let a = std::ffi::CString::new(a.as_os_str().as_bytes())?;
    let b = std::ffi::CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both paths are valid NUL-terminated strings that outlive the call.
    let rc = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if rc == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> io::Result<()> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}

/// The errors by which a kernel or file system says it cannot exchange.
fn exchange_unsupported(err: &io::Error) -> bool {
    #[cfg(target_os = "linux")]
    if let Some(code) = err.raw_os_error() {
        return matches!(code, libc::EINVAL | libc::ENOSYS | libc::EOPNOTSUPP);
    }
    err.kind() == io::ErrorKind::Unsupported
}

fn sync_folder(dir: &Path) {
    #[cfg(unix)]
    if let Ok(dir) = File::open(dir) {
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// An exclusive `flock` on a file beside the output folder, held while it lives; the
/// file is removed when the lock is let go.
#[derive(Debug)]
struct Lock {
    #[cfg(unix)]
    file: File,
    path: PathBuf,
}

impl Lock {
    #[cfg(unix)]
    fn take(path: &Path, shown: &Path) -> io::Result<Lock> {
        use std::os::fd::AsRawFd;
        use std::os::unix::fs::MetadataExt;
        // A file removed by its last holder between our open and our lock is not the lock
        // anymore: try again with the new one.
        for _ in 0..100 {
            let file = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(path)?;
            // SAFETY: a valid open descriptor.
            if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } != 0 {
                let err = io::Error::last_os_error();
                if err.kind() == io::ErrorKind::WouldBlock {
                    return Err(Refusal::err(
                        io::ErrorKind::WouldBlock,
                        format!(
                            "another ergraph build is writing this folder (lock {}); wait for it or choose another -o",
                            path.display()
                        ),
                    ));
                }
                return Err(err);
            }
            let held = file.metadata()?;
            match fs::metadata(path) {
                Ok(now) if now.dev() == held.dev() && now.ino() == held.ino() => {
                    return Ok(Lock {
                        file,
                        path: path.to_path_buf(),
                    })
                }
                _ => continue,
            }
        }
        Err(io::Error::other(format!(
            "{}: cannot take the lock {}",
            shown.display(),
            path.display()
        )))
    }

    #[cfg(not(unix))]
    fn take(path: &Path, _shown: &Path) -> io::Result<Lock> {
        Ok(Lock {
            path: path.to_path_buf(),
        })
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Removed while still locked, so no other build can hold a lock on this file.
        let _ = fs::remove_file(&self.path);
        #[cfg(unix)]
        let _ = &self.file;
    }
}

#[cfg(test)]
mod output_dir_tests {
    use super::*;

    #[test]
    fn an_early_file_holds_every_byte_written_across_writeback_requests() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.csv");
        let chunk: Vec<u8> = (0..=255u8).cycle().take(1 << 20).collect();
        let mut out = io::BufWriter::new(EarlyFile::create(&path).unwrap());
        let chunks = (2 * WRITEBACK_STEP as usize) / chunk.len() + 3;
        for _ in 0..chunks {
            out.write_all(&chunk).unwrap();
        }
        out.write_all(b"end").unwrap();
        let mut file = out.into_inner().unwrap();
        assert!(file.asked >= 2 * WRITEBACK_STEP && file.asked < file.written);
        // A flushed file is asked to be written to its end.
        file.flush().unwrap();
        assert_eq!(file.asked, file.written);
        drop(file);
        let read = fs::read(&path).unwrap();
        assert_eq!(read.len(), chunks * chunk.len() + 3);
        assert!(read.ends_with(b"end"));
        assert!(read
            .chunks(chunk.len())
            .take(chunks)
            .all(|c| c == &chunk[..]));
    }

    #[test]
    fn syncing_files_at_once_syncs_them_all_and_names_a_missing_one() {
        let dir = tempfile::tempdir().unwrap();
        let files: Vec<PathBuf> = (0..5)
            .map(|i| dir.path().join(format!("{i}.csv")))
            .collect();
        for f in &files {
            fs::write(f, b"a,b\n").unwrap();
        }
        sync_files(&files).unwrap();
        let mut with_missing = files.clone();
        with_missing.push(dir.path().join("gone.csv"));
        let err = sync_files(&with_missing).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::NotFound);
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    fn build(target: &Path, files: &[(&str, &str)]) -> io::Result<PathBuf> {
        let out = OutputDir::begin(target)?;
        for (name, text) in files {
            fs::write(out.path().join(name), text)?;
        }
        out.commit()
    }

    #[test]
    fn an_old_folder_is_removed_whole_but_not_what_its_links_point_to() {
        let dir = tempfile::tempdir().unwrap();
        let (old, kept) = (dir.path().join("old"), dir.path().join("kept.txt"));
        fs::create_dir_all(old.join("sub/deeper")).unwrap();
        fs::write(&kept, "mine").unwrap();
        for (i, name) in ["a.csv", ".marker", "sub/b.csv", "sub/deeper/c"]
            .iter()
            .enumerate()
        {
            fs::write(old.join(name), vec![b'x'; 1000 * i]).unwrap();
        }
        #[cfg(unix)]
        std::os::unix::fs::symlink(&kept, old.join("link")).unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(dir.path(), old.join("sub/up")).unwrap();
        remove_folder(&old);
        assert!(!old.exists());
        assert_eq!(fs::read_to_string(&kept).unwrap(), "mine");
        remove_folder(&old);
    }

    #[test]
    fn commit_replaces_the_whole_folder_and_a_stale_file_goes() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("graphs");
        build(&out, &[("nodes.csv", "old"), ("graph.svg", "<svg/>")]).unwrap();
        build(&out, &[("nodes.csv", "new")]).unwrap();
        assert_eq!(names(&out), [MARKER, "nodes.csv"]);
        assert_eq!(fs::read_to_string(out.join("nodes.csv")).unwrap(), "new");
        assert_eq!(fs::read_to_string(out.join(MARKER)).unwrap(), MARKER_TEXT);
        // Nothing is left beside it: no staging, no old folder, no lock.
        assert_eq!(names(dir.path()), ["graphs"]);
    }

    #[test]
    fn a_second_build_into_the_same_folder_fails_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("graphs");
        let first = OutputDir::begin(&out).unwrap();
        let err = OutputDir::begin(&out).unwrap_err();
        let lock = dir.path().join(".graphs.lock");
        assert!(Refusal::of(&err).is_some());
        assert_eq!(
            err.to_string(),
            format!(
                "another ergraph build is writing this folder (lock {}); wait for it or choose another -o",
                fs::canonicalize(dir.path()).unwrap().join(".graphs.lock").display()
            )
        );
        assert!(lock.exists());
        fs::write(first.path().join("nodes.csv"), "one").unwrap();
        first.commit().unwrap();
        // Free again once the first is done.
        build(&out, &[("nodes.csv", "two")]).unwrap();
        assert_eq!(fs::read_to_string(out.join("nodes.csv")).unwrap(), "two");
    }

    #[test]
    fn leftovers_of_killed_builds_are_removed_by_the_next() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("graphs");
        for stale in [".graphs.999999-0.staging", ".graphs.999999-1.old"] {
            fs::create_dir(dir.path().join(stale)).unwrap();
            fs::write(dir.path().join(stale).join("nodes.csv"), "x".repeat(1000)).unwrap();
        }
        // Not ours: another folder's name that shares the prefix, and a user's file.
        fs::create_dir(dir.path().join(".graphs.v2.1-1.staging")).unwrap();
        fs::write(dir.path().join(".graphs.notes"), "mine").unwrap();
        build(&out, &[("nodes.csv", "new")]).unwrap();
        assert_eq!(
            names(dir.path()),
            [".graphs.notes", ".graphs.v2.1-1.staging", "graphs"]
        );
    }

    #[test]
    fn a_folder_ergraph_did_not_write_is_refused_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let home = dir.path().join("home");
        fs::create_dir(&home).unwrap();
        fs::write(home.join("thesis.tex"), "years of work").unwrap();
        let err = build(&home, &[("nodes.csv", "x")]).unwrap_err();
        assert!(Refusal::of(&err).is_some(), "{err}");
        assert!(
            err.to_string()
                .starts_with("holds \"thesis.tex\", which ergraph did not write"),
            "{err}"
        );
        assert_eq!(names(&home), ["thesis.tex"]);
        assert_eq!(names(dir.path()), ["home"]);
        // A file in the way is refused too.
        let file = dir.path().join("file");
        fs::write(&file, "x").unwrap();
        let err = build(&file, &[]).unwrap_err();
        assert!(
            err.to_string().starts_with("exists and is not a folder"),
            "{err}"
        );
    }

    #[test]
    fn an_output_folder_from_before_the_marker_or_an_empty_one_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join("old");
        fs::create_dir(&old).unwrap();
        fs::write(old.join("nodes.csv"), "x").unwrap();
        fs::write(old.join("sentences.csv"), "x").unwrap();
        fs::write(old.join("graph.svg"), "x").unwrap();
        fs::write(old.join(".edges.csv.123-4.tmp"), "half").unwrap();
        build(&old, &[("nodes.csv", "y")]).unwrap();
        assert_eq!(names(&old), [MARKER, "nodes.csv"]);
        let empty = dir.path().join("empty");
        fs::create_dir(&empty).unwrap();
        build(&empty, &[("a.csv", "z")]).unwrap();
        assert_eq!(names(&empty), [MARKER, "a.csv"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_linked_output_folder_is_replaced_where_it_is() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real");
        build(&real, &[("nodes.csv", "a")]).unwrap();
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        build(&link, &[("nodes.csv", "b")]).unwrap();
        assert!(fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(fs::read_to_string(real.join("nodes.csv")).unwrap(), "b");
    }

    #[test]
    fn dropping_without_commit_keeps_the_old_folder_and_cleans_up() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("graphs");
        build(&out, &[("nodes.csv", "old")]).unwrap();
        let failed = OutputDir::begin(&out).unwrap();
        fs::write(failed.path().join("nodes.csv"), "half").unwrap();
        drop(failed);
        assert_eq!(fs::read_to_string(out.join("nodes.csv")).unwrap(), "old");
        assert_eq!(names(dir.path()), ["graphs"]);
    }

    /// A reader polling the folder while builds replace it always finds a complete set.
    #[test]
    fn a_reader_never_sees_a_mix_or_no_folder() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("graphs");
        build(&out, &[("a.csv", "0"), ("b.csv", "0")]).unwrap();
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let reader = {
            let (out, stop) = (out.clone(), stop.clone());
            std::thread::spawn(move || {
                let mut seen = 0;
                while !stop.load(Ordering::Relaxed) {
                    let a = fs::read_to_string(out.join("a.csv"));
                    let b = fs::read_to_string(out.join("b.csv"));
                    // A swap between the two reads may give a then b of the next run,
                    // so read a again: stable a around b means one set.
                    let a2 = fs::read_to_string(out.join("a.csv"));
                    let (a, b, a2) = (
                        a.expect("a.csv is always there"),
                        b.expect("b.csv is always there"),
                        a2.unwrap(),
                    );
                    if a == a2 {
                        assert_eq!(a, b, "a mixed folder");
                    }
                    seen += 1;
                }
                seen
            })
        };
        for i in 1..100 {
            let n = i.to_string();
            build(&out, &[("a.csv", &n), ("b.csv", &n)]).unwrap();
        }
        stop.store(true, Ordering::Relaxed);
        assert!(reader.join().unwrap() > 0);
    }
}
