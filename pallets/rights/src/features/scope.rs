//! Checking the scopes callers supply, and carving a unit's scope in two.

use crate::{
	pallet::{Config, Error, Pallet, ScopeOf, SplitSpecOf, TerritoryOf},
	RightSet, SplitSpec, Term, Territory,
};
use polkadot_sdk::frame_support::{ensure, pallet_prelude::*};

impl<T: Config> Pallet<T> {
	/// A right set that may move: not empty, and no moral right in it.
	pub(crate) fn ensure_movable_rights(rights: RightSet) -> DispatchResult {
		ensure!(!rights.is_empty(), Error::<T>::EmptyRightSet);
		// Moral rights stay with the authors whatever happens to the economic rights.
		ensure!(!rights.has_moral(), Error::<T>::MoralRightsInalienable);
		Ok(())
	}

	/// A territory made of valid, sorted, unique codes that covers some country.
	pub(crate) fn ensure_valid_territory(territory: &TerritoryOf<T>) -> DispatchResult {
		ensure!(territory.is_well_formed(), Error::<T>::InvalidTerritory);
		ensure!(!territory.is_empty(), Error::<T>::EmptyTerritory);
		Ok(())
	}

	/// A scope a licence may have: movable rights, a valid territory, a term that holds a day.
	pub(crate) fn ensure_valid_scope(scope: &ScopeOf<T>) -> DispatchResult {
		Self::ensure_movable_rights(scope.rights)?;
		Self::ensure_valid_territory(&scope.territory)?;
		ensure!(scope.term.is_valid(), Error::<T>::InvalidTerm);
		Ok(())
	}

	/// Splits `scope` by `spec` into the part and the remainder, which are disjoint, both
	/// non-empty, and together equal to `scope`. For a term the part is the earlier days.
	pub(crate) fn carve(
		scope: &ScopeOf<T>,
		spec: &SplitSpecOf<T>,
	) -> Result<(ScopeOf<T>, ScopeOf<T>), DispatchError> {
		match spec {
			SplitSpec::Rights(part) => {
				let part = *part;
				Self::ensure_movable_rights(part)?;
				ensure!(scope.rights.contains(part), Error::<T>::SplitNotWithinUnit);
				let rest = scope.rights.difference(part);
				ensure!(!rest.is_empty(), Error::<T>::NothingToSplit);
				Ok((
					ScopeOf::<T> {
						rights: part,
						..scope.clone()
					},
					ScopeOf::<T> {
						rights: rest,
						..scope.clone()
					},
				))
			}
			SplitSpec::Territory(codes) => {
				let part: TerritoryOf<T> = Territory::Including(codes.clone());
				Self::ensure_valid_territory(&part)?;
				ensure!(
					part.is_within(&scope.territory),
					Error::<T>::SplitNotWithinUnit
				);
				let rest = scope
					.territory
					.difference(&part)
					.ok_or(Error::<T>::TooManyTerritories)?;
				ensure!(!rest.is_empty(), Error::<T>::NothingToSplit);
				Ok((
					ScopeOf::<T> {
						territory: part,
						..scope.clone()
					},
					ScopeOf::<T> {
						territory: rest,
						..scope.clone()
					},
				))
			}
			SplitSpec::Term(at) => {
				let at = *at;
				let term = scope.term;
				ensure!(
					at >= term.start && term.end.map_or(true, |end| at <= end),
					Error::<T>::SplitNotWithinUnit
				);
				// Splitting on the first day, or on the day after the last, leaves one side
				// without a day.
				ensure!(
					at != term.start && term.end != Some(at),
					Error::<T>::NothingToSplit
				);
				Ok((
					ScopeOf::<T> {
						term: Term {
							start: term.start,
							end: Some(at),
						},
						..scope.clone()
					},
					ScopeOf::<T> {
						term: Term {
							start: at,
							end: term.end,
						},
						..scope.clone()
					},
				))
			}
		}
	}
}
