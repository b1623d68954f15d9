-- A version may have several checklists (the spec's checklist: list): their names, one per line.
ALTER TABLE launch_versions ALTER COLUMN checklist_name SET DATA TYPE VARCHAR(4000);
