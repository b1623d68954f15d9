-- Sign-off roles a launch spec lists (signoffs: [CTO, Security Lead]) besides the checklist's own,
-- one per line; NULL for versions stored before the key existed.
ALTER TABLE launch_versions ADD COLUMN signoff_roles TEXT;
