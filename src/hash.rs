//! The one hash every cache key and the record of a build's inputs are made with, so two keys
//! of the same value always agree. Stable within one build of the program, which is all a cache
//! or the inputs record (which also names the program) needs.

/// A hash of `value`.
pub(crate) fn hash_of<T: std::hash::Hash + ?Sized>(value: &T) -> u64 {
    use std::hash::Hasher;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}
