//! Monitors that end while the process that started them runs on (the reader, for hours) are
//! reaped, not left as zombies. A stand-in monitor that ends at once: a copy of `true` under a
//! name no other test's child has.

use std::path::Path;
use std::time::{Duration, Instant};

/// This process's children that are zombies and whose command is `name`.
fn zombies(name: &str) -> usize {
    let me = std::process::id().to_string();
    std::fs::read_dir("/proc")
        .unwrap()
        .flatten()
        .filter_map(|e| std::fs::read_to_string(e.path().join("stat")).ok())
        .filter(|stat| {
            // pid (comm) state ppid ...
            let Some((comm, rest)) = stat.split_once(") ") else {
                return false;
            };
            let fields: Vec<&str> = rest.split(' ').collect();
            comm.ends_with(&format!("({name}")) && fields[0] == "Z" && fields[1] == me
        })
        .count()
}

#[test]
fn monitors_that_end_are_reaped() {
    let home = super::home("zombies");
    let exe = home.join("zprobe");
    std::fs::copy("/bin/true", &exe).unwrap();
    let root = home.join("news");
    std::fs::create_dir_all(&root).unwrap();
    for i in 0..3 {
        let socket = home.join(format!("run/m{i}.sock"));
        qari::monitor::spawn(&exe, &socket, &root);
        // start() waits for an answer that never comes from `true`.
        let _ = qari::monitor::start(&exe, &home.join(format!("run/s{i}.sock")), Path::new("/"));
    }
    // The three spawned ones may take a moment to end and be reaped.
    let deadline = Instant::now() + Duration::from_secs(10);
    while zombies("zprobe") > 0 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(zombies("zprobe"), 0, "monitors left as zombies");
}
