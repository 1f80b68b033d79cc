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

/// Prints `label` and `took` when timings are on.
pub fn report(label: &str, took: Duration) {
    if enabled() {
        eprintln!("phase {label:<24} {:>8.3} s", took.as_secs_f64());
    }
}

/// Runs `f`, timing it as `label`.
pub fn timed<T>(label: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    phase(label, start);
    out
}
