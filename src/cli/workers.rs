//! Drafts checked on several threads, their results handed on in input order.

use std::num::NonZeroUsize;
use std::ops::ControlFlow;

use rayon::prelude::*;

/// How many items each thread gets per window. Threads only wait on one another at
/// the end of a window, so a window should hold many drafts per thread; the results
/// waiting to be handed on are at most one window's, however many drafts a run has.
const PER_THREAD: usize = 32;

pub struct Workers {
    /// None for one thread: the work then runs on the calling thread, in order.
    pool: Option<rayon::ThreadPool>,
    threads: usize,
}

impl Workers {
    /// `threads` workers; None for one per core.
    pub fn new(threads: Option<NonZeroUsize>) -> Result<Workers, rayon::ThreadPoolBuildError> {
        let threads = threads
            .or_else(|| std::thread::available_parallelism().ok())
            .map_or(1, NonZeroUsize::get);
        let pool = if threads == 1 {
            None
        } else {
            Some(
                rayon::ThreadPoolBuilder::new()
                    .num_threads(threads)
                    .thread_name(|i| format!("copydesk-check-{i}"))
                    .build()?,
            )
        };
        Ok(Workers { pool, threads })
    }

    pub fn threads(&self) -> usize {
        self.threads
    }

    /// Runs `work` on every item and gives each result to `emit` in the items'
    /// order, one window at a time: the items of a window are taken from `items` on
    /// the calling thread, worked on in parallel, then emitted. `emit` breaks to
    /// stop before the next window.
    pub fn map_in_order<T, R>(
        &self,
        items: impl IntoIterator<Item = T>,
        work: impl Fn(T) -> R + Sync,
        mut emit: impl FnMut(R) -> ControlFlow<()>,
    ) where
        T: Send,
        R: Send,
    {
        let mut items = items.into_iter();
        let size = self.threads * PER_THREAD;
        loop {
            let window: Vec<T> = items.by_ref().take(size).collect();
            if window.is_empty() {
                return;
            }
            let results: Vec<R> = match &self.pool {
                Some(pool) => pool.install(|| window.into_par_iter().map(&work).collect()),
                None => window.into_iter().map(&work).collect(),
            };
            for r in results {
                if emit(r).is_break() {
                    return;
                }
            }
        }
    }
}
