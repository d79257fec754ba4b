-- Every unit paid for an entry in (project_id, status) when it was written and again at each
-- change of status (a lease, a submit: the status is in partial-index predicates, so those updates
-- are never HOT). Measured by COPYing a million units, it cost 1.5-4 s of the ~12 s the units and
-- their indexes took. Only the progress counts of a project or its batches read it; they now scan
-- the units instead, once per page view or poll.
DROP INDEX work_unit_project_status;
