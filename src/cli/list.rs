//! `qari list`: the collection, one article a line (`path<TAB>title`) or a JSON object each.

use std::io::Write;
use std::path::Path;

use super::output::print;
use qari::text::printable;

pub fn run(path: Option<&Path>, json: bool) -> anyhow::Result<bool> {
    let collection = super::collection(path)?;
    print(|out| {
        for e in &collection.entries {
            if json {
                let mut obj = serde_json::json!({
                    "path": e.path,
                    "title": e.title,
                    "paragraphs": e.paragraphs,
                    "encoding": e.encoding,
                    "replaced": e.replaced,
                });
                if let (Some(map), Ok(serde_json::Value::Object(meta))) =
                    (obj.as_object_mut(), serde_json::to_value(&e.meta))
                {
                    map.extend(meta);
                }
                writeln!(out, "{obj}")?;
            } else {
                writeln!(out, "{}\t{}", e.path.display(), printable(&e.title))?;
            }
        }
        Ok(())
    })?;
    Ok(true)
}
