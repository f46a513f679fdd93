//! Sorting through one routine. Each `sort`/`sort_by` on another element type or with
//! another comparison adds its own copy of the standard library's sort to the wasm (50
//! functions, 25 KB, for the seven sorts this crate had when measured); these sort indices
//! with a single comparison type instead, and with a merge sort of a few lines rather than
//! the standard library's (whose one copy was 4.6 KB of the wasm, and cold code to compile
//! when the catalog is first sorted).

use std::cmp::Ordering;

/// The stable order of `len` elements compared by `compare`, as their indices: a bottom-up
/// merge sort, which leaves a pair of runs already in order as it is (the search's hits
/// and the postings merged for a prefix come mostly in order).
pub fn order(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    let mut merged = vec![0; len];
    let mut width = 1;
    while width < len {
        for start in (0..len).step_by(2 * width) {
            let middle = (start + width).min(len);
            let end = (start + 2 * width).min(len);
            let (mut left, mut right) = (start, middle);
            let in_order = middle == end || compare(order[middle - 1], order[middle]).is_le();
            for slot in &mut merged[start..end] {
                // Equal elements: the left one first, so the sort is stable.
                let from_left = in_order
                    || right == end
                    || (left < middle && compare(order[left], order[right]).is_le());
                let from = if from_left { &mut left } else { &mut right };
                *slot = order[*from];
                *from += 1;
            }
        }
        std::mem::swap(&mut order, &mut merged);
        width *= 2;
    }
    order
}

/// Sorts `items` by `compare`, stably (equal elements keep their order).
pub fn sort_by<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    let order = order(items.len(), &|a, b| compare(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// Sorts `items` and removes repeats.
pub fn sort_dedup<T: Ord>(items: &mut Vec<T>) {
    sort_by(items, T::cmp);
    items.dedup();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_by_the_comparison() {
        let mut pairs = vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e')];
        sort_by(&mut pairs, |a, b| a.0.cmp(&b.0));
        assert_eq!(pairs, [(0, 'd'), (1, 'b'), (1, 'e'), (2, 'a'), (2, 'c')]);
        sort_by(&mut pairs, |a, b| b.0.cmp(&a.0));
        assert_eq!(pairs, [(2, 'a'), (2, 'c'), (1, 'b'), (1, 'e'), (0, 'd')]);
        let mut empty: Vec<u8> = vec![];
        sort_by(&mut empty, u8::cmp);
        assert!(empty.is_empty());
    }

    #[test]
    fn orders_as_the_standard_stable_sort_does() {
        // Lengths around powers of two, few distinct keys (many equal), runs in order.
        let mut seed = 0x2545_f491_u32;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed
        };
        for len in (0..70).chain([127, 128, 129, 1000]) {
            for spread in [1, 3, 50, u32::MAX] {
                let mut keys: Vec<u32> = (0..len).map(|_| next() % spread).collect();
                if spread == 50 {
                    keys[..len / 2].sort();
                }
                let got = order(len, &|a, b| keys[a].cmp(&keys[b]));
                let mut want: Vec<usize> = (0..len).collect();
                want.sort_by_key(|&i| keys[i]);
                assert_eq!(got, want, "{keys:?}");
            }
        }
    }

    #[test]
    fn sort_dedup_leaves_each_value_once_in_order() {
        let mut words = vec!["b", "a", "c", "a", "b"];
        sort_dedup(&mut words);
        assert_eq!(words, ["a", "b", "c"]);
    }
}
