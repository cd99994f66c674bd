//! Work in the background, one kind at a time: a [`Job`] runs a closure in a thread with a
//! [`Progress`] the status line reads, and the app's tick polls it between events. A job is
//! cancelled by dropping it: the thread finishes on its own and its answer, sent to nobody, is
//! lost. One at a time is the app's field holding an `Option` of it. (The search of the
//! collection has its own job, `results::SearchJob`, which also stops the work when dropped.)

use std::sync::{Arc, mpsc};
use std::time::Duration;

use crate::collection::{Collection, CollectionError, Progress, watch};
use crate::feeds::{FeedsError, Report};

/// Work running in a thread, its answer a `T`.
pub struct Job<T> {
    /// How far it is, for the status line.
    pub progress: Arc<Progress>,
    done: mpsc::Receiver<T>,
}

/// Where a job is.
pub enum Poll<T> {
    Running,
    Done(T),
    /// The thread ended without an answer (it panicked).
    Lost,
}

impl<T: Send + 'static> Job<T> {
    /// Runs `work` in a thread.
    pub fn start(work: impl FnOnce(&Progress) -> T + Send + 'static) -> Self {
        let progress = Arc::new(Progress::default());
        let p = Arc::clone(&progress);
        let (tx, done) = mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(work(&p));
        });
        Job { progress, done }
    }

    /// Its answer, once it is there.
    pub fn poll(&self) -> Poll<T> {
        match self.done.try_recv() {
            Ok(answer) => Poll::Done(answer),
            Err(mpsc::TryRecvError::Empty) => Poll::Running,
            Err(mpsc::TryRecvError::Disconnected) => Poll::Lost,
        }
    }
}

/// Looks at the folder `root` every `every` in a thread, and says when it changed; the thread
/// ends when the receiver is dropped.
pub fn watch(root: std::path::PathBuf, every: Duration) -> mpsc::Receiver<()> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut watcher = watch::Watcher::default();
        let mut last = watcher.stamp(&root);
        loop {
            std::thread::sleep(every);
            let now = watcher.stamp(&root);
            if now != last {
                last = now;
                if tx.send(()).is_err() {
                    return;
                }
            }
        }
    });
    rx
}

/// The collection being read again.
pub struct Reload {
    pub job: Job<Result<Collection, CollectionError>>,
    /// Asked for with a key (else noticed on disk).
    pub asked: bool,
}

/// The feeds being fetched (`U`).
pub type FeedJob = Job<Result<Report, FeedsError>>;
