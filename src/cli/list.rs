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
                // Written as bytes, not formatted: a million lines took 0.4 s through `writeln!`.
                match e.path.to_str() {
                    Some(path) => out.write_all(path.as_bytes())?,
                    None => write!(out, "{}", e.path.display())?,
                }
                out.write_all(b"\t")?;
                out.write_all(printable(&e.title).as_bytes())?;
                out.write_all(b"\n")?;
            }
        }
        Ok(())
    })?;
    Ok(true)
}
