//! Rendering an issue in steps: the first cards at once, the rest a run per frame.

use std::ops::Range;

/// Cards rendered before the first paint of an issue; the rest follow in chunks.
pub const FIRST_CARDS: usize = 40;
/// Cards added per frame after the first ones.
pub const CARDS_PER_FRAME: usize = 150;

/// How many steps render an issue of `total` items: the first [`FIRST_CARDS`] at once,
/// then [`CARDS_PER_FRAME`] a frame.
pub fn render_steps(total: usize) -> usize {
    1 + total.saturating_sub(FIRST_CARDS).div_ceil(CARDS_PER_FRAME)
}

/// The items (indices in the whole issue, in reading order) that step `step` renders.
fn step_items(step: usize) -> Range<usize> {
    match step {
        0 => 0..FIRST_CARDS,
        _ => {
            let start = FIRST_CARDS + (step - 1) * CARDS_PER_FRAME;
            start..start + CARDS_PER_FRAME
        }
    }
}

/// The items of a section that the first `steps` steps render, one run per step: for a
/// section whose first item is the item `start` and which has `len` items, pairs of
/// a step and the range of the section's own item indices it added. A step's range never
/// changes, so a view can key its cards by step and keep them.
pub fn rendered_runs(start: usize, len: usize, steps: usize) -> Vec<(usize, Range<usize>)> {
    (0..steps)
        .filter_map(|step| {
            let items = step_items(step);
            let from = items.start.max(start);
            let to = items.end.min(start + len);
            (from < to).then(|| (step, from - start..to - start))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rendering_fills_sections_in_reading_order_one_run_per_step() {
        let (first, per) = (FIRST_CARDS, CARDS_PER_FRAME);
        // Three sections: one inside the first step, one across the first and second steps,
        // one reaching into the third.
        let sections = [(0, first - 5), (first - 5, 10), (first + 5, per)];
        let at = |steps| {
            sections
                .iter()
                .map(|&(start, len)| rendered_runs(start, len, steps))
                .collect::<Vec<_>>()
        };
        assert_eq!(at(0), [vec![], vec![], vec![]]);
        assert_eq!(at(1), [vec![(0, 0..first - 5)], vec![(0, 0..5)], vec![]]);
        assert_eq!(
            at(3),
            [
                vec![(0, 0..first - 5)],
                vec![(0, 0..5), (1, 5..10)],
                vec![(1, 0..per - 5), (2, per - 5..per)]
            ]
        );
        // Every item is rendered once, whatever the section sizes.
        let total = first + 2 * per + 3;
        assert_eq!(render_steps(total), 4);
        assert_eq!(render_steps(first), 1);
        assert_eq!(render_steps(0), 1);
        let covered: usize = sections
            .iter()
            .flat_map(|&(start, len)| rendered_runs(start, len, render_steps(total)))
            .map(|(_, run)| run.len())
            .sum();
        assert_eq!(covered, sections.iter().map(|s| s.1).sum::<usize>());
    }
}
