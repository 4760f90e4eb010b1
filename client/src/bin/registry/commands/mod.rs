//! One module per command group.

pub mod audit;
pub mod certificate;
pub mod collection;
pub mod council;
pub mod find;
pub mod hash;
pub mod import;
pub mod item;
pub mod key;
pub mod member;
pub mod rights;
pub mod verify;
pub mod warehouse;
pub mod web;
pub mod work;
