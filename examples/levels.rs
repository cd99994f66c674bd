use std::io::Read;
fn main() {
    let mut s = String::new();
    std::io::stdin().read_to_string(&mut s).unwrap();
    let s = s.trim_end_matches('\n');
    let info = unicode_bidi::ParagraphBidiInfo::new(s, None);
    let v: Vec<String> = s.char_indices().map(|(i, _)| info.levels[i].number().to_string()).collect();
    println!("{}", v.join(" "));
}
