-- Every unit paid for an entry in (project_id, status) when it was written and again at each
-- change of status (a lease, a submit: the status is in partial-index predicates, so those updates
-- are never HOT). Measured by COPYing a million units, it cost 1.5-4 s of the ~12 s the units and
-- their indexes took. Only progress counts read it: they now scan the project's units (the ready
-- ones through work_unit_ready) and reach them from its tasks, which is fast enough for a page.
DROP INDEX work_unit_project_status;
