//! Spreading work over the cores: the one thread pool of the crate, used by collection loading
//! and walking, search scans, the index update and `qari render`. Work runs on scoped threads
//! (so it borrows freely), and each thread takes the next item as soon as it is free, so items
//! of very different cost (articles, paragraphs) still keep every core busy. Results come back
//! in item order ([`map`]), or to the calling thread as they are ready ([`for_each`]) for a
//! consumer that must stay on one thread, such as a database transaction. No pool outlives a
//! call: starting a few threads costs microseconds next to the work they are given.

use std::convert::Infallible;
use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::sync_channel;

/// Results waiting for the calling thread: bounded, so that a slow consumer holds the workers
/// back instead of filling memory.
const QUEUE: usize = 256;

/// How many threads to use: one per core (1 when that is unknown).
pub fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
}

/// Runs `work(i)` for every `i` in `0..n` on up to [`threads`] scoped threads, handing each
/// result to `take` on the calling thread as soon as it is ready (so not in order). Stops at
/// the first error of `take` and returns it. A panic in `work` is resumed on the calling thread.
/// With one core or one item, everything runs on the calling thread.
pub fn for_each<R: Send, E>(
    n: usize,
    work: impl Fn(usize) -> R + Sync,
    take: impl FnMut(usize, R) -> Result<(), E>,
) -> Result<(), E> {
    for_each_on(threads(), n, work, take)
}

/// [`for_each`] on up to `threads` threads rather than one per core: for work that mostly
/// waits (fetching over the network), where more threads than cores keep more requests going.
pub fn for_each_on<R: Send, E>(
    threads: usize,
    n: usize,
    work: impl Fn(usize) -> R + Sync,
    mut take: impl FnMut(usize, R) -> Result<(), E>,
) -> Result<(), E> {
    let threads = threads.min(n);
    if threads <= 1 {
        return (0..n).try_for_each(|i| take(i, work(i)));
    }
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        let (send, receive) = sync_channel(QUEUE);
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                let send = send.clone();
                let (work, next) = (&work, &next);
                scope.spawn(move || {
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        if i >= n || send.send((i, work(i))).is_err() {
                            break;
                        }
                    }
                })
            })
            .collect();
        drop(send);
        let result = receive.iter().try_for_each(|(i, r)| take(i, r));
        // The workers stop at their next send once nobody receives.
        drop(receive);
        for handle in handles {
            if let Err(panic) = handle.join() {
                std::panic::resume_unwind(panic);
            }
        }
        result
    })
}

/// `f` of every item, computed on up to [`threads`] threads, in item order.
pub fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let mut slots: Vec<Option<R>> = std::iter::repeat_with(|| None).take(items.len()).collect();
    let done: Result<(), Infallible> = for_each(
        items.len(),
        |i| f(&items[i]),
        |i, r| {
            slots[i] = Some(r);
            Ok(())
        },
    );
    let Ok(()) = done;
    // Every slot is filled: a worker that did not fill one panicked, and that was resumed.
    slots.into_iter().flatten().collect()
}

/// Cuts `items` into runs of consecutive items of about equal weight, about `parts` of them,
/// none lighter than `min` but the last: for work whose cost goes with a weight rather than a
/// count (lines of very different lengths). Give the runs to [`map`].
pub fn split_by_weight<T>(
    items: &[T],
    parts: usize,
    min: usize,
    weight: impl Fn(&T) -> usize,
) -> Vec<Range<usize>> {
    let total: usize = items.iter().map(&weight).sum();
    let share = total.div_ceil(parts.max(1)).max(min).max(1);
    let mut runs = Vec::new();
    let (mut start, mut sum) = (0, 0);
    for (i, item) in items.iter().enumerate() {
        sum += weight(item);
        if sum >= share || i + 1 == items.len() {
            runs.push(start..i + 1);
            (start, sum) = (i + 1, 0);
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_keeps_item_order() {
        let items: Vec<u64> = (0..1000).collect();
        let squares = map(&items, |&x| {
            // Uneven work, so that threads finish out of order.
            if x % 7 == 0 {
                std::thread::yield_now();
            }
            x * x
        });
        assert_eq!(squares, items.iter().map(|x| x * x).collect::<Vec<_>>());
        assert!(map(&[] as &[u8], |&x| x).is_empty());
        assert_eq!(map(&[3], |&x| x + 1), vec![4]);
    }

    #[test]
    fn for_each_takes_every_result_once_and_stops_at_an_error() {
        let mut seen = vec![0; 500];
        let all: Result<(), ()> = for_each(
            500,
            |i| i * 2,
            |i, r| {
                assert_eq!(r, i * 2);
                seen[i] += 1;
                Ok(())
            },
        );
        assert!(all.is_ok());
        assert!(seen.iter().all(|&n| n == 1));
        let mut taken = 0;
        let stopped = for_each(
            10_000,
            |i| i,
            |i, _| {
                taken += 1;
                if i >= 3 { Err(i) } else { Ok(()) }
            },
        );
        assert!(stopped.is_err());
        assert!(taken < 10_000);
    }

    #[test]
    #[should_panic(expected = "item 5")]
    fn a_panic_reaches_the_caller() {
        let items: Vec<usize> = (0..20).collect();
        map(&items, |&i| assert_ne!(i, 5, "item {i}"));
    }

    #[test]
    fn runs_of_about_equal_weight() {
        let lengths = [10, 1, 1, 1, 10, 5, 5, 1];
        let runs = split_by_weight(&lengths, 2, 0, |&n| n);
        assert_eq!(runs, vec![0..5, 5..8]);
        // Too light to be worth a second thread.
        assert_eq!(split_by_weight(&lengths, 4, 100, |&n| n), vec![0..8]);
        assert!(split_by_weight(&[] as &[usize], 4, 1, |&n| n).is_empty());
    }
}
