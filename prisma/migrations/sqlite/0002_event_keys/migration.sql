-- DropIndex
DROP INDEX "Event_correlationId_idx";

-- DropIndex
DROP INDEX "Event_traceId_idx";

-- DropIndex
DROP INDEX "Event_requestId_idx";

-- CreateTable
CREATE TABLE "EventKey" (
    "key" TEXT NOT NULL,
    "eventId" INTEGER NOT NULL,

    PRIMARY KEY ("key", "eventId")
);
