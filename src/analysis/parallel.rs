//! Work shared between threads on a long draft: two pieces at once, or the same
//! work for each of many items handed out in pieces.
//!
//! The work goes to rayon's threads, which live for the whole process: a draft
//! analysed every few keystrokes must not pay for starting threads each time, and
//! `copydesk check`, already one draft per core, must not start more threads than
//! there are cores. Handing work over still costs microseconds, more than a short
//! draft takes to analyse, so only drafts of [`FROM`] bytes and more are split.

use std::cell::Cell;
use std::sync::atomic::AtomicU32;
use std::sync::atomic::Ordering::Relaxed;
use std::time::{Duration, Instant};

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

/// How one split divides its work between the thread that asks for it and the
/// other, learnt from the times it has split before. The two cores of a virtual
/// machine need not be equally fast, and which one is slower changes from minute
/// to minute: cut in halves, the quicker core waits for the slower, where a
/// larger share for the quicker finishes both at once. Each split keeps its own,
/// since how its work spreads over a draft is its own too. Every split gives the
/// same result wherever it cuts, so what is learnt changes only the time taken.
pub struct Balance {
    /// For each thread of a pool of two: the share of the work it takes when it
    /// asks, in parts of [`WHOLE`].
    share: [AtomicU32; 2],
}

const WHOLE: u32 = 1 << 16;

/// Neither thread is given less than this share, nor more than one less it: one
/// split timed on a stalled core must not hand it all the work.
const LEAST: f64 = 0.25;

/// Halves taken on either side in less time than this are not timed well enough
/// to learn from.
const SHORTEST: Duration = Duration::from_micros(20);

/// A share every split takes in place of the one it learnt (stored in parts of
/// [`WHOLE`], 0 for none), so tests can cut where they choose.
static FORCED: AtomicU32 = AtomicU32::new(0);

impl Balance {
    pub const fn new() -> Balance {
        Balance {
            share: [AtomicU32::new(WHOLE / 2), AtomicU32::new(WHOLE / 2)],
        }
    }

    /// The share of the work, from 0 to 1, the calling thread should take.
    pub fn share(&self) -> f64 {
        let whole = f64::from(WHOLE);
        match (FORCED.load(Relaxed), pair_slot()) {
            (0, Some(i)) => f64::from(self.share[i].load(Relaxed)) / whole,
            (0, None) => 0.5,
            (forced, _) => f64::from(forced) / whole,
        }
    }

    /// Runs `a` on the calling thread and `b` on the other, as [`both`] does with
    /// a split, where `a` is `taken` (from 0 to 1) of the whole; how long each
    /// took says what share the calling thread takes next time.
    pub fn both<A: Send, B: Send>(
        &self,
        taken: f64,
        a: impl FnOnce() -> A + Send,
        b: impl FnOnce() -> B + Send,
    ) -> (A, B) {
        let me = pair_slot();
        let ((ra, ta), (rb, tb, other)) = both(
            true,
            || {
                let start = Instant::now();
                let r = a();
                (r, start.elapsed())
            },
            || {
                let start = Instant::now();
                let r = b();
                (r, start.elapsed(), rayon::current_thread_index())
            },
        );
        // Nothing to learn when one thread did both.
        if let Some(i) = me.filter(|&i| other.is_some_and(|o| o != i)) {
            self.learn(i, taken, ta, tb);
        }
        (ra, rb)
    }

    fn learn(&self, i: usize, taken: f64, ta: Duration, tb: Duration) {
        if ta < SHORTEST || tb < SHORTEST || !(taken > 0.0 && taken < 1.0) {
            return;
        }
        // Work per second on each side; the share that would have ended both
        // together is this thread's part of the two speeds.
        let mine = taken / ta.as_secs_f64();
        let theirs = (1.0 - taken) / tb.as_secs_f64();
        let even = mine / (mine + theirs);
        // A quarter of the way from the old share: a handful of analyses follow a
        // change of speed, and one odd timing moves the cut little.
        let whole = f64::from(WHOLE);
        let old = f64::from(self.share[i].load(Relaxed)) / whole;
        let new = (old + (even - old) / 4.0).clamp(LEAST, 1.0 - LEAST);
        self.share[i].store((new * whole) as u32, Relaxed);
        QUICKER.store(quicker_of(i, mine, theirs), Relaxed);
    }
}

impl Default for Balance {
    fn default() -> Balance {
        Balance::new()
    }
}

/// Which thread of a pool of two worked quicker at the latest split timed, or
/// [`UNKNOWN`]. Every split of a long draft's analysis times both threads, so
/// while drafts are analysed this is at most a few hundred microseconds old.
static QUICKER: AtomicU32 = AtomicU32::new(UNKNOWN);
const UNKNOWN: u32 = u32::MAX;

/// How much more work a second one thread must do than the other to be taken for
/// the quicker: handing work over costs a little, and closer timings are noise.
const UNEQUAL: f64 = 1.1;

/// Which thread is the quicker, thread `i` doing `mine` work a second and the
/// other `theirs`.
fn quicker_of(i: usize, mine: f64, theirs: f64) -> u32 {
    if mine > theirs * UNEQUAL {
        i as u32
    } else if theirs > mine * UNEQUAL {
        1 - i as u32
    } else {
        UNKNOWN
    }
}

/// Whether the other thread of a pool of two was the quicker at the latest
/// timed split.
fn other_is_quicker() -> bool {
    pair_slot().is_some_and(|me| {
        let quicker = QUICKER.load(Relaxed);
        quicker != UNKNOWN && quicker != me as u32
    })
}

/// Runs `long` and `short`, at once when `split` is true, with `long` on whichever
/// of the pool's two threads was the quicker at the latest timed split. The cores
/// of a virtual machine are often unequal for seconds at a time, one taking
/// twice as long as the other, and work that cannot be shared out in pieces
/// takes as long as the core it lands on; `short` should be the work that can.
pub fn both_long_on_quicker<A: Send, B: Send>(
    split: bool,
    long: impl FnOnce() -> A + Send,
    short: impl FnOnce() -> B + Send,
) -> (A, B) {
    both_long_on_other(split, split && other_is_quicker(), long, short)
}

/// [`both_long_on_quicker`] once the quicker thread is known. A split runs its
/// first closure on the calling thread and leaves the second for the other.
fn both_long_on_other<A: Send, B: Send>(
    split: bool,
    other: bool,
    long: impl FnOnce() -> A + Send,
    short: impl FnOnce() -> B + Send,
) -> (A, B) {
    if other {
        let (b, a) = both(split, short, long);
        (a, b)
    } else {
        both(split, long, short)
    }
}

/// The calling thread's place in a pool of two threads: learning a share is for
/// that case, where the other thread is always the same one.
fn pair_slot() -> Option<usize> {
    if rayon::current_num_threads() != 2 {
        return None;
    }
    rayon::current_thread_index().filter(|&i| i < 2)
}

/// Every split takes `share` (from 0 to 1) of its work on the calling thread, or
/// what it has learnt again with `None`. For tests: each split must give the same
/// result wherever it cuts.
#[doc(hidden)]
pub fn force_share(share: Option<f64>) {
    let parts = share.map_or(0, |s| (s.clamp(0.01, 0.99) * f64::from(WHOLE)) as u32);
    FORCED.store(parts, Relaxed);
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
/// microseconds, and a long draft hands work over at every split. `f` runs on the
/// quicker of a pool of two threads where the latest split found one, so what it
/// does on one thread, between and after its splits, takes the quicker core's
/// time.
pub fn with_helper_awake<R: Send>(f: impl FnOnce() -> R + Send) -> R {
    // Asked on the pool's thread: the caller is most often outside the pool, and
    // which thread is the quicker means nothing there.
    let offer = || {
        if other_is_quicker() {
            HANDOVER
        } else {
            Duration::ZERO
        }
    };
    with_helper_awake_offering(offer, f)
}

/// How long a thread waits for the quicker one to take work over before doing
/// it itself: a thread that is awake takes it in a few microseconds, and one that
/// is asleep would take longer to wake than the work gains on it.
const HANDOVER: Duration = Duration::from_micros(50);

/// [`with_helper_awake`], offering `f` to the other thread first for as long as
/// `offer` says, asked on the pool's thread that takes the work.
fn with_helper_awake_offering<R: Send>(
    offer: impl FnOnce() -> Duration + Send,
    f: impl FnOnce() -> R + Send,
) -> R {
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicBool, Ordering};
    struct SetOnDrop<'a>(&'a AtomicBool);
    impl Drop for SetOnDrop<'_> {
        fn drop(&mut self) {
            self.0.store(true, Ordering::Release);
        }
    }
    let done = AtomicBool::new(false);
    let claimed = AtomicBool::new(false);
    let task = Mutex::new(Some(f));
    let out = Mutex::new(None);
    // Whichever thread claims the work runs it; the other waits for the pieces it
    // hands over, running them as they come.
    let claim = || !claimed.swap(true, Ordering::AcqRel);
    let run = || {
        let _done = SetOnDrop(&done);
        let f = task.lock().unwrap_or_else(|e| e.into_inner()).take();
        let r = f.map(|f| f());
        *out.lock().unwrap_or_else(|e| e.into_inner()) = r;
    };
    let help = || {
        while !done.load(Ordering::Acquire) {
            if rayon::yield_now() != Some(rayon::Yield::Executed) {
                std::hint::spin_loop();
            }
        }
    };
    rayon::scope(|s| {
        let offer = offer();
        // Not offered, the work is claimed before the other thread can see it.
        let kept = offer.is_zero() && claim();
        // Spawned first, this is the oldest work on this thread's queue, so the
        // other thread takes it before anything `f` hands over: a thread never
        // waits on its own queue for work only it could finish.
        s.spawn(|_| if claim() { run() } else { help() });
        if !kept {
            let deadline = Instant::now() + offer;
            while !claimed.load(Ordering::Acquire) && Instant::now() < deadline {
                std::hint::spin_loop();
            }
        }
        if kept || claim() { run() } else { help() }
    });
    match out.into_inner().unwrap_or_else(|e| e.into_inner()) {
        Some(r) => r,
        // The work ran once, on one thread or the other, and a panic in it
        // reached the caller from the scope above.
        None => unreachable!("claimed work runs to its end or panics"),
    }
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

    fn pool_of(threads: usize) -> rayon::ThreadPool {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("a pool")
    }

    #[test]
    fn a_thread_is_taken_for_the_quicker_only_when_clearly_quicker() {
        assert_eq!(quicker_of(0, 2.0, 1.0), 0);
        assert_eq!(quicker_of(0, 1.0, 2.0), 1);
        assert_eq!(quicker_of(1, 1.0, 2.0), 0);
        assert_eq!(quicker_of(1, 2.0, 1.0), 1);
        assert_eq!(quicker_of(0, 1.05, 1.0), UNKNOWN);
        assert_eq!(quicker_of(1, 1.0, 1.05), UNKNOWN);
    }

    #[test]
    fn long_work_goes_to_the_other_thread_when_it_is_the_quicker() {
        use std::sync::atomic::{AtomicBool, Ordering};
        let pool = pool_of(2);
        pool.install(|| {
            let me = rayon::current_thread_index();
            // The short work waits for the long to start: only the other thread
            // can start it meanwhile, if it was given it.
            let started = AtomicBool::new(false);
            let (long_on, short_on) = both_long_on_other(
                true,
                true,
                || {
                    started.store(true, Ordering::Release);
                    rayon::current_thread_index()
                },
                || {
                    let deadline = Instant::now() + Duration::from_secs(10);
                    while !started.load(Ordering::Acquire) && Instant::now() < deadline {
                        std::hint::spin_loop();
                    }
                    rayon::current_thread_index()
                },
            );
            assert_ne!(long_on, me, "the long work stayed on the slower thread");
            assert_eq!(short_on, me);
            let (long_on, _) = both_long_on_other(true, false, rayon::current_thread_index, || ());
            assert_eq!(long_on, me);
        });
    }

    #[test]
    fn offered_work_runs_on_the_other_thread_and_this_one_helps_it() {
        use std::sync::atomic::{AtomicBool, Ordering};
        let pool = pool_of(2);
        pool.install(|| {
            let me = rayon::current_thread_index();
            let ten_seconds = Duration::from_secs(10);
            let started = AtomicBool::new(false);
            let (ran_on, helped) = with_helper_awake_offering(
                || ten_seconds,
                || {
                    // The second half is left for the thread that handed the work
                    // over: only its help can end this wait.
                    let (helped, _) = both(
                        true,
                        || {
                            let deadline = Instant::now() + ten_seconds;
                            while !started.load(Ordering::Acquire) && Instant::now() < deadline {
                                std::hint::spin_loop();
                            }
                            started.load(Ordering::Acquire)
                        },
                        || started.store(true, Ordering::Release),
                    );
                    (rayon::current_thread_index(), helped)
                },
            );
            assert_ne!(ran_on, me, "offered work was not taken over");
            assert!(helped, "the thread that handed the work over did not help");
            // Not offered, it stays.
            let kept = with_helper_awake_offering(|| Duration::ZERO, rayon::current_thread_index);
            assert_eq!(kept, me);
        });
        // With nobody to take it, offered work is done here once the offer lapses,
        // and a panic in work taken over still reaches the caller.
        assert_eq!(
            pool_of(1).install(|| with_helper_awake_offering(|| Duration::from_millis(1), || 7)),
            7
        );
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            pool.install(|| {
                with_helper_awake_offering(|| Duration::from_secs(10), || -> i32 { panic!("boom") })
            })
        }));
        assert!(caught.is_err());
        assert_eq!(
            pool.install(|| with_helper_awake_offering(|| Duration::from_secs(10), || 3)),
            3
        );
    }

    #[test]
    fn called_from_outside_the_pool_the_offer_is_weighed_on_the_thread_that_takes_it() {
        // As `analyze` calls it: from a thread of no pool, where which thread of
        // the pool is the quicker cannot be told.
        let mut weighed_on = None;
        let ran_on = with_helper_awake_offering(
            || {
                weighed_on = rayon::current_thread_index();
                if weighed_on.is_some() {
                    Duration::from_secs(10)
                } else {
                    Duration::ZERO
                }
            },
            rayon::current_thread_index,
        );
        assert!(
            weighed_on.is_some(),
            "the offer was weighed outside the pool"
        );
        if rayon::current_num_threads() >= 2 {
            assert_ne!(ran_on, weighed_on, "offered work was not taken over");
        }
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

    fn share_of(balance: &Balance, i: usize) -> f64 {
        f64::from(balance.share[i].load(Relaxed)) / f64::from(WHOLE)
    }

    #[test]
    fn the_quicker_thread_is_given_more_and_never_all() {
        let ms = Duration::from_millis;
        let balance = Balance::new();
        // Half the work took this thread 10 ms and the other 20: two thirds of it
        // would have ended both at once, and the share moves a quarter of the way.
        balance.learn(0, 0.5, ms(10), ms(20));
        assert!((share_of(&balance, 0) - (0.5 + (2.0 / 3.0 - 0.5) / 4.0)).abs() < 1e-3);
        assert_eq!(
            share_of(&balance, 1),
            0.5,
            "the other thread's share is its own"
        );
        // Taking that share, both took as long: it holds there.
        let held = share_of(&balance, 0);
        balance.learn(0, held, ms(10), ms(10));
        assert!((share_of(&balance, 0) - held).abs() < 1e-3);
        // A stalled other core never makes this one take everything.
        for _ in 0..40 {
            balance.learn(0, share_of(&balance, 0), ms(1), ms(100));
        }
        assert!((share_of(&balance, 0) - (1.0 - LEAST)).abs() < 1e-3);
        // Timings too short to trust teach nothing.
        let before = share_of(&balance, 1);
        balance.learn(1, 0.5, Duration::from_micros(5), ms(10));
        assert_eq!(share_of(&balance, 1), before);
    }

    #[test]
    fn a_balanced_split_runs_both_and_learns_only_from_two_threads() {
        let balance = Balance::new();
        let (a, b) = balance.both(0.5, || 1, || 2);
        assert_eq!((a, b), (1, 2));
        // Outside a pool of two nothing is learnt, and the share is a half.
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(3)
            .build()
            .unwrap();
        pool.install(|| {
            balance.both(0.5, || std::thread::sleep(Duration::from_millis(1)), || ());
            assert_eq!(balance.share(), 0.5);
        });
        assert_eq!((share_of(&balance, 0), share_of(&balance, 1)), (0.5, 0.5));
    }
}
