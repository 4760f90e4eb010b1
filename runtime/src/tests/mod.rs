//! Tests of the chain's rules through the real runtime (see [`crate::harness`]).

mod audit;
mod hardening;
mod metadata;
