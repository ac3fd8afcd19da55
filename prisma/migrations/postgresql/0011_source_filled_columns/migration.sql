-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "filledColumns" TEXT;
