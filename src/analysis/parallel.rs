//! Work shared between threads on a long draft: two pieces at once, or the same
//! work for each of many items handed out in pieces.
//!
//! The work goes to rayon's threads, which live for the whole process: a draft
//! analysed every few keystrokes must not pay for starting threads each time, and
//! `copydesk check`, already one draft per core, must not start more threads than
//! there are cores. Handing work over still costs microseconds, more than a short
//! draft takes to analyse, so only drafts of [`FROM`] bytes and more are split.

use std::cell::Cell;

/// Drafts from this size on are worked on two threads where the work splits.
pub const FROM: usize = 128 * 1024;

thread_local! {
    /// Set while [`on_one_thread`] runs: nothing splits.
    static ONE_THREAD: Cell<bool> = const { Cell::new(false) };
}

/// Whether work over a text of `len` bytes is worth splitting over two threads.
pub fn worth_splitting(len: usize) -> bool {
    len >= FROM && !ONE_THREAD.with(Cell::get)
}

/// Runs `f` with every split turned off, so a long draft is analysed as a short
/// one is: each split must give what one thread gives, and this is how that is
/// checked.
pub fn on_one_thread<R>(f: impl FnOnce() -> R) -> R {
    struct Restore(bool);
    impl Drop for Restore {
        fn drop(&mut self) {
            ONE_THREAD.with(|c| c.set(self.0));
        }
    }
    let _restore = Restore(ONE_THREAD.with(|c| c.replace(true)));
    f()
}

/// Runs `a` and `b`, at once on the pool's threads when `split` is true. A panic
/// in either reaches the caller as it would had both run on the caller's thread,
/// where the language server's guard catches it.
pub fn both<A: Send, B: Send>(
    split: bool,
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B + Send,
) -> (A, B) {
    if !split || ONE_THREAD.with(Cell::get) {
        return (a(), b());
    }
    rayon::join(a, b)
}

/// `f` of each index below `n`, in order. When `split` is true the indices are
/// worked through in pieces on the pool's threads, a piece at a time by whichever
/// thread is free, so work of uneven size beside it still keeps every thread busy.
pub fn map<T: Send>(split: bool, n: usize, f: impl Fn(usize) -> T + Sync + Send) -> Vec<T> {
    use rayon::prelude::*;
    if !split || ONE_THREAD.with(Cell::get) {
        return (0..n).map(f).collect();
    }
    (0..n).into_par_iter().with_max_len(PIECE).map(f).collect()
}

/// The most items a thread takes at once in [`map`]: small enough that a thread
/// that comes free finds pieces left to take, big enough that handing one over
/// costs little beside working it.
const PIECE: usize = 256;

/// Runs `f` on one of the pool's threads while another waits, awake, for the work
/// `f` hands over: on a virtual machine, waking a sleeping thread takes tens of
/// microseconds, and a long draft hands work over at every split.
pub fn with_helper_awake<R: Send>(f: impl FnOnce() -> R + Send) -> R {
    use std::sync::atomic::{AtomicBool, Ordering};
    struct SetOnDrop<'a>(&'a AtomicBool);
    impl Drop for SetOnDrop<'_> {
        fn drop(&mut self) {
            self.0.store(true, Ordering::Release);
        }
    }
    let done = AtomicBool::new(false);
    rayon::scope(|s| {
        s.spawn(|_| {
            while !done.load(Ordering::Acquire) {
                if rayon::yield_now() != Some(rayon::Yield::Executed) {
                    std::hint::spin_loop();
                }
            }
        });
        let _done = SetOnDrop(&done);
        f()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_results_come_back_in_order_split_or_not() {
        for split in [false, true] {
            let (a, b) = both(split, || "a".repeat(2), || std::thread::current().id());
            assert_eq!(a, "aa");
            assert_eq!(b == std::thread::current().id(), !split);
        }
    }

    #[test]
    fn split_work_runs_on_the_pool_threads_that_outlive_it() {
        let (a, b) = both(
            true,
            rayon::current_thread_index,
            rayon::current_thread_index,
        );
        assert!(a.is_some() && b.is_some(), "{a:?} {b:?}");
        assert_eq!(both(false, rayon::current_thread_index, || 0).0, None);
    }

    #[test]
    fn on_one_thread_nothing_splits_and_the_setting_is_restored() {
        let (_, b) = on_one_thread(|| both(true, || (), || std::thread::current().id()));
        assert_eq!(b, std::thread::current().id());
        assert!(!on_one_thread(|| worth_splitting(FROM)));
        assert!(worth_splitting(FROM));
        let _ = std::panic::catch_unwind(|| on_one_thread(|| panic!("boom")));
        assert!(worth_splitting(FROM));
    }

    #[test]
    fn with_a_helper_awake_work_still_splits_and_a_panic_does_not_hang() {
        use std::sync::atomic::{AtomicBool, Ordering};
        use std::time::{Duration, Instant};
        // The first half waits for the second to start: only a helper on another
        // thread can start it meanwhile.
        let started = AtomicBool::new(false);
        let (result, taken) = with_helper_awake(|| {
            let (taken, _) = both(
                true,
                || {
                    let deadline = Instant::now() + Duration::from_secs(10);
                    while !started.load(Ordering::Acquire) && Instant::now() < deadline {
                        std::hint::spin_loop();
                    }
                    started.load(Ordering::Acquire)
                },
                || started.store(true, Ordering::Release),
            );
            (7, taken)
        });
        assert_eq!(result, 7);
        assert!(taken, "nobody took the second half while the first ran");
        // The helper stops waiting once the work is over, however it ended: a
        // panic reaches the caller, and the pool is free for the next call.
        for _ in 0..3 {
            let caught =
                std::panic::catch_unwind(|| with_helper_awake(|| -> i32 { panic!("boom") }));
            assert!(caught.is_err());
        }
        assert_eq!(with_helper_awake(|| both(true, || 1, || 2)), (1, 2));
    }

    #[test]
    fn mapped_work_comes_back_in_order_and_a_free_thread_takes_pieces() {
        let square = |i: usize| i * i;
        let expected: Vec<usize> = (0..5000).map(square).collect();
        assert_eq!(map(false, 5000, square), expected);
        assert_eq!(on_one_thread(|| map(true, 5000, square)), expected);
        // The first item waits until another thread has worked one: only a thread
        // that takes pieces while the first is busy can end the wait. A pool of
        // its own keeps tests running alongside from holding its threads.
        let seen = std::sync::Mutex::new(std::collections::HashSet::new());
        let slow = |i: usize| {
            let me = rayon::current_thread_index();
            seen.lock().unwrap().insert(me);
            if i == 0 {
                let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
                while seen.lock().unwrap().len() < 2 && std::time::Instant::now() < deadline {
                    std::hint::spin_loop();
                }
            }
            (i, me)
        };
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .expect("a pool of two threads");
        let done = pool.install(|| with_helper_awake(|| map(true, 5000, slow)));
        assert!(done.iter().map(|d| d.0).eq(0..5000));
        let threads: std::collections::HashSet<_> = done.iter().map(|d| d.1).collect();
        assert!(
            threads.len() >= 2,
            "one thread did every piece: {threads:?}"
        );
    }

    #[test]
    fn a_panic_on_the_second_thread_reaches_the_caller() {
        let caught = std::panic::catch_unwind(|| both(true, || 1, || -> i32 { panic!("boom") }));
        assert!(caught.is_err());
    }
}
