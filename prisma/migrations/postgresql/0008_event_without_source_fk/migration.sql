-- DropForeignKey
ALTER TABLE "Event" DROP CONSTRAINT "Event_sourceId_fkey";
