//! Tests of the chain's rules through the real runtime (see [`crate::harness`]).

mod audit;
mod fingerprints;
mod fuzz;
mod hardening;
mod metadata;
