//! One small sort for the whole crate.
//!
//! The standard library's sorts are fast but generic: every call site instantiates its own copy
//! of driftsort or ipnsort, and the six call sites of the pipeline cost about 18 KB of .wasm.
//! Here a short list is sorted in place by insertion, and a longer one by one routine over
//! `(key, index)` pairs, compiled once: a merge sort of the runs already in order, O(n log n) on
//! any input, the index breaking ties. Both are stable, like `slice::sort_by_key`.

/// Sorts `items` by `key`, ascending; items with equal keys keep their order.
pub fn sort_by_key<T>(items: &mut [T], key: impl Fn(&T) -> u64) {
    if items.len() <= SHORT {
        insertion_sort(items, key);
        return;
    }
    let mut pairs: Vec<(u64, u32)> = items.iter().enumerate().map(|(i, item)| (key(item), i as u32)).collect();
    if pairs.windows(2).all(|w| w[0] <= w[1]) {
        return;
    }
    merge_sort(&mut pairs);
    permute(items, pairs.into_iter().map(|(_, i)| i).collect());
}

/// Up to this length a list is sorted in place, with no allocation: most lists the pipeline sorts
/// are a sentence's words or a handful of picks.
const SHORT: usize = 48;

/// Stable: an item moves left only past items with a greater key.
fn insertion_sort<T>(items: &mut [T], key: impl Fn(&T) -> u64) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j - 1]) > key(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// A key that orders floats from the greatest down, in the order of `f64::total_cmp` reversed.
pub fn descending(x: f64) -> u64 {
    let bits = x.to_bits();
    // total_cmp's order as unsigned integers: negative numbers flipped whole, positive ones above them.
    let ascending = if bits >> 63 == 1 { !bits } else { bits | 1 << 63 };
    !ascending
}

/// A merge sort of natural runs: lists the pipeline sorts are mostly in order already (mentions
/// found sentence by sentence), so the runs are few and long and the sort close to one pass;
/// any input is still O(n log n). The keys are unique (the index breaks ties).
fn merge_sort(v: &mut Vec<(u64, u32)>) {
    let mut bounds: Vec<usize> = vec![0];
    bounds.extend((1..v.len()).filter(|&i| v[i - 1] > v[i]));
    bounds.push(v.len());
    let mut from = std::mem::take(v);
    let mut into = Vec::with_capacity(from.len());
    // Each round merges neighbouring runs pairwise, halving their number.
    while bounds.len() > 2 {
        into.clear();
        let mut merged = vec![0];
        for pair in bounds.windows(3).step_by(2) {
            merge(&from[pair[0]..pair[1]], &from[pair[1]..pair[2]], &mut into);
            merged.push(pair[2]);
        }
        if bounds.len() % 2 == 0 {
            // An odd number of runs: the last one has no partner this round.
            let last = bounds[bounds.len() - 2];
            into.extend_from_slice(&from[last..]);
            merged.push(from.len());
        }
        std::mem::swap(&mut from, &mut into);
        bounds = merged;
    }
    *v = from;
}

/// Appends the merge of the sorted runs `a` and `b` to `out`.
fn merge(a: &[(u64, u32)], b: &[(u64, u32)], out: &mut Vec<(u64, u32)>) {
    let (mut i, mut j) = (0, 0);
    while let (Some(&x), Some(&y)) = (a.get(i), b.get(j)) {
        if x <= y {
            out.push(x);
            i += 1;
        } else {
            out.push(y);
            j += 1;
        }
    }
    out.extend_from_slice(a.get(i..).unwrap_or_default());
    out.extend_from_slice(b.get(j..).unwrap_or_default());
}

/// Reorders `items` so that position `j` holds what was at `from[j]`, in place, cycle by cycle.
fn permute<T>(items: &mut [T], mut from: Vec<u32>) {
    for i in 0..from.len() {
        let mut j = i;
        // Each swap puts the right item at `j` and carries the cycle's first item along.
        while from[j] as usize != i {
            let k = from[j] as usize;
            items.swap(j, k);
            from[j] = j as u32;
            j = k;
        }
        from[j] = j as u32;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_like_the_standard_library() {
        // A small generator, so the cases are many and reproducible without a dependency.
        let mut seed = 0x9E37_79B9_7F4A_7C15_u64;
        for len in 0..200 {
            let items: Vec<(u64, usize)> = (0..len)
                .map(|i| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    (seed % 7, i)
                })
                .collect();
            let mut ours = items.clone();
            sort_by_key(&mut ours, |&(k, _)| k);
            let mut theirs = items;
            theirs.sort_by_key(|&(k, _)| k);
            assert_eq!(ours, theirs, "length {len}");
        }
    }

    #[test]
    fn descending_orders_floats_like_total_cmp_reversed() {
        let mut xs = vec![0.5, -1.0, 0.0, -0.0, 1.0, f64::INFINITY, 0.25, -0.5, f64::MIN_POSITIVE];
        let mut ours = xs.clone();
        sort_by_key(&mut ours, |&x| descending(x));
        xs.sort_by(|a, b| b.total_cmp(a));
        assert_eq!(ours.iter().map(|x| x.to_bits()).collect::<Vec<_>>(), xs.iter().map(|x| x.to_bits()).collect::<Vec<_>>());
    }
}
