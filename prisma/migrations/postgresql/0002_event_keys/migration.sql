-- DropIndex
DROP INDEX "Event_correlationId_idx";

-- DropIndex
DROP INDEX "Event_requestId_idx";

-- DropIndex
DROP INDEX "Event_traceId_idx";

-- CreateTable
CREATE TABLE "EventKey" (
    "key" TEXT NOT NULL,
    "eventId" INTEGER NOT NULL,

    CONSTRAINT "EventKey_pkey" PRIMARY KEY ("key","eventId")
);
