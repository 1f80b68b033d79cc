//! Replacing files so that a reader (or a failed run) sees the old version or the new
//! one, never half of either.

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

/// An output folder being written: every file goes into a fresh hidden staging folder
/// beside it, and [`OutputDir::commit`] puts the whole set in place at once.
///
/// Dropping it without committing removes the staging folder.
#[derive(Debug)]
pub struct OutputDir {
    staging: Option<PathBuf>,
    target: PathBuf,
}

impl OutputDir {
    /// Creates the staging folder for `target` (whose parent is created if needed).
    pub fn begin(target: &Path) -> io::Result<OutputDir> {
        if target.exists() && !target.is_dir() {
            return Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                "a file, not a folder, is in the way",
            ));
        }
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "out".into());
        let parent = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent)?;
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let staging = parent.join(format!(".{name}.{}-{n}.staging", std::process::id()));
        fs::create_dir(&staging)?;
        Ok(OutputDir {
            staging: Some(staging),
            target: target.to_path_buf(),
        })
    }

    /// The folder to write the files into.
    pub fn path(&self) -> &Path {
        self.staging.as_deref().unwrap_or(&self.target)
    }

    /// The folder the files are meant for.
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Syncs the staged files and puts the staging folder in place of the target.
    pub fn commit(mut self) -> io::Result<PathBuf> {
        let Some(staging) = self.staging.take() else {
            return Ok(self.target.clone());
        };
        let result = (|| {
            for entry in fs::read_dir(&staging)? {
                let path = entry?.path();
                if path.is_file() {
                    File::open(&path)?.sync_all()?;
                }
            }
            if self.target.is_dir() {
                let old = staging.with_extension("old");
                fs::rename(&self.target, &old)?;
                fs::rename(&staging, &self.target)?;
                fs::remove_dir_all(&old)
            } else {
                fs::rename(&staging, &self.target)
            }
        })();
        if let Err(err) = result {
            let _ = fs::remove_dir_all(&staging);
            return Err(err);
        }
        sync_dir(&self.target);
        Ok(self.target.clone())
    }
}

impl Drop for OutputDir {
    fn drop(&mut self) {
        if let Some(staging) = self.staging.take() {
            let _ = fs::remove_dir_all(staging);
        }
    }
}
