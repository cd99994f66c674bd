//! `qari search` finds every written variant of the words, with grep-like exit codes.

use qari::search::normalize;

use crate::{qari_search, temp_dir};

#[test]
fn qari_search_finds_every_variant() {
    let dir = temp_dir("cli");
    let home = temp_dir("cli-home");
    std::fs::write(
        dir.join("1.txt"),
        "عنوان أول\n\nذهبت فى الصباح إلى مدينة الرياض عام ٢٠١٥\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("2.txt"),
        "عنوان ثان\n\nتاريخ الإِسْلَامِ في المدينه منذ 2015\n",
    )
    .unwrap();
    std::fs::write(dir.join("3.txt"), "عنوان ثالث\n\nكتاب عن الاسلام\n").unwrap();
    let d = dir.display().to_string();
    for (query, want) in [
        ("فى", vec!["1.txt", "2.txt"]),
        ("في", vec!["1.txt", "2.txt"]),
        ("الاسلام", vec!["2.txt", "3.txt"]),
        ("الإسلام", vec!["2.txt", "3.txt"]),
        ("مدينة", vec!["1.txt", "2.txt"]),
        ("2015", vec!["1.txt", "2.txt"]),
    ] {
        let (code, out) = qari_search(&["-l", "--sort", "path", query, &d], &home);
        assert_eq!(code, 0, "{query}");
        let got: Vec<&str> = out.lines().map(|l| l.rsplit('/').next().unwrap()).collect();
        assert_eq!(got, want, "{query}");
    }
    let (code, out) = qari_search(&["--json", "--sort", "path", "الاسلام", &d], &home);
    assert_eq!(code, 0);
    let first: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(first["match"], "الإِسْلَامِ");
    // Best first: the shorter article, which holds the word as often.
    let (_, out) = qari_search(&["--json", "الاسلام", &d], &home);
    let first: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(first["match"], "الاسلام");
    let (code, out) = qari_search(&["-c", "في", &d], &home);
    assert_eq!(code, 0);
    assert!(out.lines().all(|l| l.ends_with("\t1")), "{out}");
    let (code, out) = qari_search(&["مدينة", &d], &home);
    assert_eq!(code, 0);
    assert!(
        out.lines().all(|l| l.split('\t').nth(1) == Some("1")),
        "{out}"
    );
    let (code, _) = qari_search(&["غير موجود", &d], &home);
    assert_eq!(code, 1);
    let (code, _) = qari_search(&["x", "/no/such/folder"], &home);
    assert_eq!(code, 2);
    assert_eq!(normalize("مدينـــة"), "مدينه");
    std::fs::remove_dir_all(dir).ok();
    std::fs::remove_dir_all(home).ok();
}
