-- Written by hand (Prisma's schema cannot name a column's collation, and its schema engine does
-- not compare them: the drift test still passes). Request keys are ids: they need no linguistic
-- order, and byte order lets the key build sort with plain byte comparisons. Keys taken from
-- Event's columns are given the same collation where the key build sorts them
-- (Dialect.keyCollation). SQLite compares text byte by byte already.
ALTER TABLE "EventKey" ALTER COLUMN "key" TYPE TEXT COLLATE "C";
