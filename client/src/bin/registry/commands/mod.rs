//! One module per command group.

pub mod collection;
pub mod find;
pub mod hash;
pub mod import;
pub mod item;
pub mod key;
pub mod member;
