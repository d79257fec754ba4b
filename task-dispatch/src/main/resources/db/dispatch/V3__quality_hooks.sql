-- A project may require a passed qualification test; copied out of settings for the lease query.
ALTER TABLE project ADD COLUMN required_qualification text;
