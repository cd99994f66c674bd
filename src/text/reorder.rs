//! The line rules of UAX #9: L1 resets trailing white space and separators to the paragraph
//! level, L2 reverses runs from the highest level down. They work on units, so a reversed run
//! keeps each letter's marks after it (L3); mirroring (L4) was chosen when the paragraph was
//! prepared.

/// Visual order of items with the given levels: `order[k]` is the logical index drawn k-th.
/// `levels` must already have L1 applied.
pub fn visual_order(levels: &[u8], order: &mut Vec<u32>) {
    order.clear();
    order.extend(0..levels.len() as u32);
    let Some(&max) = levels.iter().max() else {
        return;
    };
    let Some(min_odd) = levels.iter().filter(|&&l| l & 1 == 1).min().copied() else {
        return;
    };
    if levels.iter().all(|&l| l == max) {
        order.reverse();
        return;
    }
    for level in (min_odd..=max).rev() {
        let mut i = 0;
        while i < levels.len() {
            if levels[i] >= level {
                let start = i;
                while i < levels.len() && levels[i] >= level {
                    i += 1;
                }
                order[start..i].reverse();
            } else {
                i += 1;
            }
        }
    }
}

/// A maximal run of consecutive items at one level (after L1): `start..end` in logical order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LevelRun {
    pub start: u32,
    pub end: u32,
    pub level: u8,
}

/// L2 on `runs` (in logical order, each at its own level after L1): puts them in visual order.
/// The items of a run at an odd level are then drawn in reverse.
pub fn reorder_runs(runs: &mut [LevelRun]) {
    let Some(max) = runs.iter().map(|r| r.level).max() else {
        return;
    };
    let Some(min_odd) = runs.iter().map(|r| r.level).filter(|l| l & 1 == 1).min() else {
        return;
    };
    for level in (min_odd..=max).rev() {
        let mut i = 0;
        while i < runs.len() {
            if runs[i].level >= level {
                let start = i;
                while i < runs.len() && runs[i].level >= level {
                    i += 1;
                }
                runs[start..i].reverse();
            } else {
                i += 1;
            }
        }
    }
}

/// L1 for one line: `levels` are the resolved levels of the line's items, `space[i]` says item
/// i is white space or an isolate control, `separator[i]` that it is a segment or paragraph
/// separator. Both of those, and white space before a separator or at the end of the line, are
/// reset to the paragraph level.
pub fn apply_l1(
    levels: &mut [u8],
    base: u8,
    is_space: impl Fn(usize) -> bool,
    is_separator: impl Fn(usize) -> bool,
) {
    let mut trailing = true;
    for i in (0..levels.len()).rev() {
        if is_separator(i) {
            levels[i] = base;
            trailing = true;
        } else if trailing && is_space(i) {
            levels[i] = base;
        } else {
            trailing = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order(levels: &[u8]) -> Vec<u32> {
        let mut o = Vec::new();
        visual_order(levels, &mut o);
        o
    }

    #[test]
    fn reverses_rtl_runs() {
        assert_eq!(order(&[0, 0, 0]), vec![0, 1, 2]);
        assert_eq!(order(&[1, 1, 1]), vec![2, 1, 0]);
        assert_eq!(order(&[0, 1, 1, 0]), vec![0, 2, 1, 3]);
        // numbers inside RTL text keep their own order
        assert_eq!(order(&[1, 2, 2, 1]), vec![3, 1, 2, 0]);
    }

    /// Expands reordered runs into item order, each odd run reversed.
    fn by_runs(levels: &[u8]) -> Vec<u32> {
        let mut runs: Vec<LevelRun> = Vec::new();
        for (i, &level) in levels.iter().enumerate() {
            match runs.last_mut() {
                Some(run) if run.level == level => run.end += 1,
                _ => runs.push(LevelRun {
                    start: i as u32,
                    end: i as u32 + 1,
                    level,
                }),
            }
        }
        reorder_runs(&mut runs);
        let mut out = Vec::new();
        for run in runs {
            if run.level & 1 == 1 {
                out.extend((run.start..run.end).rev());
            } else {
                out.extend(run.start..run.end);
            }
        }
        out
    }

    #[test]
    fn runs_reorder_as_items_do() {
        for levels in [
            &[0, 0, 0][..],
            &[1, 1, 1],
            &[0, 1, 1, 0],
            &[1, 2, 2, 1],
            &[1, 1, 2, 2, 1, 3, 3, 2, 0],
            &[0, 2, 2, 0, 2],
            &[0, 2, 3, 3, 2, 4, 0],
            &[2, 3, 4, 5, 4, 3, 2, 1],
            &[],
        ] {
            assert_eq!(by_runs(levels), order(levels), "{levels:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn runs_reorder_as_items_do_for_any_levels(levels in proptest::collection::vec(0..6u8, 0..40)) {
            proptest::prop_assert_eq!(by_runs(&levels), order(&levels));
        }
    }

    #[test]
    fn l1_resets_trailing_space_and_separators() {
        let mut levels = [1, 1, 2, 1, 1];
        let space = [false, true, false, true, true];
        let sep = [false, false, false, false, false];
        apply_l1(&mut levels, 0, |i| space[i], |i| sep[i]);
        assert_eq!(levels, [1, 1, 2, 0, 0]);
        let mut levels = [1, 1, 1, 1];
        let space = [false, true, false, false];
        let sep = [false, false, true, false];
        apply_l1(&mut levels, 0, |i| space[i], |i| sep[i]);
        assert_eq!(levels, [1, 0, 0, 1]);
    }
}
