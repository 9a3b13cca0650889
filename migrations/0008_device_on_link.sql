-- The device that last opened a link, kept on the link's row, so that a page
-- reopened by that device is looked up in one row rather than with a probe of
-- invitation_devices. No index holds it: writing it stays a HOT update.
ALTER TABLE "invitations" ADD COLUMN "last_device" "bytea";
