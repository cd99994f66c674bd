//! What `U` (fetching the feeds into the collection) needs to run: kept apart from the job
//! that runs it (`app/jobs/feeds.rs`), so the session can hold it below the screens.

use std::path::PathBuf;

use crate::config::Config;

/// What an update of the feeds needs: the configuration (feeds, collection) and the state
/// database.
#[derive(Clone, Debug)]
pub struct FeedSetup {
    pub config: Config,
    pub state: PathBuf,
}
