-- CreateTable
CREATE TABLE "Incident" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "profile" TEXT,

    CONSTRAINT "Incident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Source" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "format" TEXT,
    "status" TEXT NOT NULL,
    "error" TEXT,
    "sizeBytes" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "parsedBytes" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "sha256" TEXT,
    "compressed" BOOLEAN NOT NULL DEFAULT false,
    "eventCount" INTEGER NOT NULL DEFAULT 0,
    "unparsedCount" INTEGER NOT NULL DEFAULT 0,
    "firstTs" DOUBLE PRECISION,
    "lastTs" DOUBLE PRECISION,
    "services" TEXT NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Event" (
    "id" SERIAL NOT NULL,
    "incidentId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "line" INTEGER,
    "idx" INTEGER,
    "spanId" TEXT,
    "ts" DOUBLE PRECISION,
    "startTs" DOUBLE PRECISION,
    "endTs" DOUBLE PRECISION,
    "service" TEXT,
    "level" TEXT,
    "name" TEXT,
    "status" TEXT,
    "message" TEXT,
    "requestId" TEXT,
    "correlationId" TEXT,
    "traceId" TEXT,
    "parentSpanId" TEXT,
    "sessionId" TEXT,
    "attributes" TEXT,
    "raw" TEXT NOT NULL,
    "unparsed" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Diagnostic" (
    "id" SERIAL NOT NULL,
    "sourceId" TEXT NOT NULL,
    "line" INTEGER,
    "idx" INTEGER,
    "spanId" TEXT,
    "code" TEXT NOT NULL,
    "message" TEXT NOT NULL,

    CONSTRAINT "Diagnostic_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Source_incidentId_position_key" ON "Source"("incidentId", "position");

-- CreateIndex
CREATE INDEX "Event_incidentId_ts_position_seq_idx" ON "Event"("incidentId", "ts", "position", "seq");

-- CreateIndex
CREATE INDEX "Event_sourceId_seq_idx" ON "Event"("sourceId", "seq");

-- CreateIndex
CREATE INDEX "Event_requestId_idx" ON "Event"("requestId");

-- CreateIndex
CREATE INDEX "Event_traceId_idx" ON "Event"("traceId");

-- CreateIndex
CREATE INDEX "Event_correlationId_idx" ON "Event"("correlationId");

-- CreateIndex
CREATE INDEX "Diagnostic_sourceId_idx" ON "Diagnostic"("sourceId");

-- AddForeignKey
ALTER TABLE "Source" ADD CONSTRAINT "Source_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Diagnostic" ADD CONSTRAINT "Diagnostic_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;
