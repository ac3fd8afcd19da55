-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "rawLength" INTEGER,
ADD COLUMN     "rawOffset" BIGINT,
ALTER COLUMN "raw" DROP NOT NULL;
