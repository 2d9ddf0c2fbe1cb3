//! `check --stats`: how fast a run went, so a newsroom can size a pipeline.

use std::time::{Duration, Instant};

use super::output::counted;

/// Drafts checked and their size, from the start of a run.
pub struct Throughput {
    started: Instant,
    files: usize,
    bytes: u64,
}

impl Throughput {
    pub fn start() -> Throughput {
        Throughput {
            started: Instant::now(),
            files: 0,
            bytes: 0,
        }
    }

    pub fn add(&mut self, bytes: usize) {
        self.files += 1;
        self.bytes += bytes as u64;
    }

    /// The one line `--stats` prints, timed up to now: megabytes are 10⁶ bytes of
    /// draft text, and the time is the whole run's (finding, reading, checking,
    /// writing), since that is what a pipeline waits for.
    pub fn line(&self, threads: usize) -> String {
        summary(self.files, self.bytes, self.started.elapsed(), threads)
    }
}

fn summary(files: usize, bytes: u64, elapsed: Duration, threads: usize) -> String {
    let secs = elapsed.as_secs_f64().max(1e-9);
    let mb = bytes as f64 / 1e6;
    format!(
        "checked {} ({mb:.1} MB) in {secs:.2} s: {:.0} files/s, {:.1} MB/s, {}",
        counted(files, "file"),
        files as f64 / secs,
        mb / secs,
        counted(threads, "thread"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_gives_rates_per_second() {
        let line = summary(10_000, 61_200_000, Duration::from_secs(2), 2);
        assert_eq!(
            line,
            "checked 10000 files (61.2 MB) in 2.00 s: 5000 files/s, 30.6 MB/s, 2 threads"
        );
        assert_eq!(
            summary(1, 600, Duration::from_millis(10), 1),
            "checked 1 file (0.0 MB) in 0.01 s: 100 files/s, 0.1 MB/s, 1 thread"
        );
    }
}
