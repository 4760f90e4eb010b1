//! Registering works: who may, first to file wins, authors and parents.

use super::*;

#[test]
fn a_creator_registers_a_work_with_its_rights() {
	new_test_ext(|| {
		let work = register_with(ARTIST, 1, &[POET]);
		assert_eq!(work, 0);
		let record = Works::<Test>::get(work).unwrap();
		assert_eq!(record.content, content(1));
		assert_eq!(record.title.to_vec(), b"Work 1".to_vec());
		assert_eq!(record.metadata, meta(1));
		assert_eq!(record.created_on, CREATED);
		assert_eq!(record.authors, vec![ARTIST, POET]);
		assert_eq!(record.registrant, ARTIST);
		assert_eq!(record.registered_at, 1);
		assert_eq!(WorkByContent::<Test>::get(content(1)), Some(work));

		// The economic rights start as one unit held by the authors, who act together.
		let first = unit_record(record.root_unit);
		assert_eq!(first.work, work);
		assert_eq!(
			first.scope,
			scope(RightSet::ECONOMIC, worldwide(), Term::open_ended(CREATED))
		);
		assert_eq!(first.holders, vec![ARTIST, POET]);
		assert_eq!(first.threshold, 2);
		assert_eq!(first.parent, None);
		assert_eq!(first.created_at, 1);
		assert_eq!(first.created_by_action, UnitSource::Registration);
		assert_eq!(first.ended_at, None);
		assert_eq!(units_of(ARTIST), vec![record.root_unit]);
		assert_eq!(units_of(POET), vec![record.root_unit]);

		// The moral rights stay with the authors.
		let moral = MoralRights::<Test>::get(work).unwrap();
		assert_eq!(moral.authors, vec![ARTIST, POET]);
		assert_eq!(moral.rights, RightSet::MORAL);
		assert_eq!(moral.version, 0);
		let history = AuthorHistory::<Test>::get(work, 0).unwrap();
		assert_eq!(history.authors, vec![ARTIST, POET]);
		assert_eq!(history.dispute, None);

		assert_eq!(
			last_event(),
			Event::WorkRegistered {
				work,
				content: content(1),
				authors: vec![ARTIST, POET],
				parents: vec![],
				root_unit: record.root_unit,
				authorized_by: ARTIST,
			}
		);
		assert_eq!(
			last_audit(),
			AuditEntry::new(AuditKind::WorkRegistered, Subject::Work(work), ARTIST)
				.to(ARTIST)
				.detail(Detail::Content { sha256: content(1) })
		);
		assert_eq!(register(POET, 2), 1, "numbers follow each other");
	});
}

#[test]
fn an_institution_registers_on_behalf_of_a_creator() {
	new_test_ext(|| {
		assert_ok!(try_register(MUSEUM, 1, &[POET], &[], Some(ARTIST)));
		let record = Works::<Test>::get(0).unwrap();
		assert_eq!(
			record.authors,
			vec![ARTIST, POET],
			"the creator is the first author"
		);
		assert_eq!(record.registrant, MUSEUM);
		assert_eq!(unit_record(record.root_unit).holders, vec![ARTIST, POET]);
		assert!(
			units_of(MUSEUM).is_empty(),
			"the institution holds no rights"
		);
		assert!(matches!(
			last_event(),
			Event::WorkRegistered {
				authorized_by: MUSEUM,
				..
			}
		));
		assert_eq!(
			last_audit(),
			AuditEntry::new(AuditKind::WorkRegistered, Subject::Work(0), MUSEUM)
				.to(ARTIST)
				.detail(Detail::Content { sha256: content(1) })
		);
	});
}

#[test]
fn only_active_creators_register_for_themselves() {
	new_test_ext(|| {
		assert_noop!(
			try_register(MUSEUM, 1, &[], &[], None),
			Error::<Test>::NotCreator
		);
		assert_noop!(
			try_register(REGULATOR, 1, &[], &[], None),
			Error::<Test>::NotCreator
		);
		assert_noop!(
			try_register(ARBITER, 1, &[], &[], None),
			Error::<Test>::NotCreator
		);
		assert_noop!(
			try_register(STRANGER, 1, &[], &[], None),
			Error::<Test>::NotCreator
		);
		assert_ok!(pallet_members::Pallet::<Test>::suspend(
			signed(REGISTRAR),
			ARTIST
		));
		assert_noop!(
			try_register(ARTIST, 1, &[], &[], None),
			Error::<Test>::NotCreator
		);
	});
}

#[test]
fn only_active_institutions_register_on_behalf_of_active_creators() {
	new_test_ext(|| {
		assert_noop!(
			try_register(POET, 1, &[], &[], Some(ARTIST)),
			Error::<Test>::NotInstitution
		);
		assert_noop!(
			try_register(ARBITER, 1, &[], &[], Some(ARTIST)),
			Error::<Test>::NotInstitution
		);
		assert_noop!(
			try_register(MUSEUM, 1, &[], &[], Some(REGULATOR)),
			Error::<Test>::NotCreator
		);
		assert_noop!(
			try_register(MUSEUM, 1, &[], &[], Some(STRANGER)),
			Error::<Test>::NotCreator
		);
		assert_ok!(pallet_members::Pallet::<Test>::suspend(
			signed(REGISTRAR),
			MUSEUM
		));
		assert_noop!(
			try_register(MUSEUM, 1, &[], &[], Some(ARTIST)),
			Error::<Test>::NotInstitution
		);
	});
}

#[test]
fn the_first_to_file_a_content_hash_wins() {
	new_test_ext(|| {
		let work = register(ARTIST, 1);
		run_to(5);
		assert_noop!(
			try_register(POET, 1, &[], &[], None),
			Error::<Test>::AlreadyRegistered
		);
		assert_noop!(
			try_register(MUSEUM, 1, &[], &[], Some(POET)),
			Error::<Test>::AlreadyRegistered
		);
		// The runtime API names the earlier filing.
		let earlier = Rights::work_by_content(content(1)).unwrap();
		assert_eq!(earlier.work, work);
		assert_eq!(earlier.registrant, ARTIST);
		assert_eq!(earlier.registered_at, 1);
		assert_ok!(try_register(POET, 2, &[], &[], None));
	});
}

#[test]
fn authors_are_active_members_named_once() {
	new_test_ext(|| {
		assert_noop!(
			try_register(ARTIST, 1, &[ARTIST], &[], None),
			Error::<Test>::DuplicateAuthor
		);
		assert_noop!(
			try_register(ARTIST, 1, &[POET, POET], &[], None),
			Error::<Test>::DuplicateAuthor
		);
		assert_noop!(
			try_register(MUSEUM, 1, &[ARTIST], &[], Some(ARTIST)),
			Error::<Test>::DuplicateAuthor
		);
		assert_noop!(
			try_register(ARTIST, 1, &[STRANGER], &[], None),
			Error::<Test>::AuthorNotMember
		);
		assert_ok!(pallet_members::Pallet::<Test>::suspend(
			signed(REGISTRAR),
			POET
		));
		assert_noop!(
			try_register(ARTIST, 1, &[POET], &[], None),
			Error::<Test>::AuthorNotMember
		);
	});
}

#[test]
fn authors_fit_the_co_holder_bound() {
	new_test_ext(|| {
		assert_noop!(
			try_register(
				ARTIST,
				1,
				&[POET, STUDIO, BROADCASTER, TRANSLATOR],
				&[],
				None
			),
			Error::<Test>::TooManyAuthors
		);
		// Any active member may be a co-author, whatever their role.
		let work = register_with(ARTIST, 1, &[POET, STUDIO, MUSEUM]);
		assert_eq!(Works::<Test>::get(work).unwrap().authors.len(), 4);
		assert_eq!(unit_record(root(work)).threshold, 4);
	});
}

#[test]
fn a_work_cannot_be_created_after_today() {
	new_test_ext(|| {
		assert_noop!(
			try_register_full(ARTIST, 1, TODAY + 1, &[], &[], None),
			Error::<Test>::InvalidCreationDate
		);
		assert_ok!(try_register_full(ARTIST, 1, TODAY, &[], &[], None));
		assert_eq!(
			unit_record(root(0)).scope.term,
			Term::open_ended(TODAY),
			"the rights run from the creation day"
		);
	});
}

#[test]
fn derivative_works_name_their_parents() {
	new_test_ext(|| {
		let novel = register(ARTIST, 1);
		let poem = register(POET, 2);
		assert_ok!(try_register(STUDIO, 3, &[], &[novel, poem], None));
		let film = 2;
		assert_eq!(Works::<Test>::get(film).unwrap().parents, vec![novel, poem]);
		assert!(Derivatives::<Test>::contains_key(novel, film));
		assert!(Derivatives::<Test>::contains_key(poem, film));
		assert_eq!(Rights::work_info(novel).unwrap().derivatives, vec![film]);
		assert_eq!(Rights::work_info(film).unwrap().parents, vec![novel, poem]);
		assert!(matches!(
			last_event(),
			Event::WorkRegistered { work: 2, ref parents, .. } if *parents == vec![novel, poem]
		));
	});
}

#[test]
fn parents_are_registered_works_named_once() {
	new_test_ext(|| {
		let novel = register(ARTIST, 1);
		assert_noop!(
			try_register(STUDIO, 3, &[], &[novel, novel], None),
			Error::<Test>::DuplicateParent
		);
		assert_noop!(
			try_register(STUDIO, 3, &[], &[7], None),
			Error::<Test>::UnknownParent
		);
		assert_noop!(
			try_register(STUDIO, 3, &[], &[novel, 7], None),
			Error::<Test>::UnknownParent
		);
	});
}

#[test]
fn numbers_never_wrap_around() {
	new_test_ext(|| {
		NextWorkId::<Test>::put(u64::MAX);
		assert_noop!(
			try_register(ARTIST, 1, &[], &[], None),
			Error::<Test>::Overflow
		);
		NextWorkId::<Test>::put(0);
		NextUnitId::<Test>::put(u64::MAX);
		assert_noop!(
			try_register(ARTIST, 1, &[], &[], None),
			Error::<Test>::Overflow
		);
	});
}
