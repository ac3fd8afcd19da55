-- CreateTable
CREATE TABLE "Incident" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "profile" TEXT
);

-- CreateTable
CREATE TABLE "Source" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "incidentId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "format" TEXT,
    "status" TEXT NOT NULL,
    "error" TEXT,
    "sizeBytes" REAL NOT NULL DEFAULT 0,
    "parsedBytes" REAL NOT NULL DEFAULT 0,
    "sha256" TEXT,
    "compressed" BOOLEAN NOT NULL DEFAULT false,
    "eventCount" INTEGER NOT NULL DEFAULT 0,
    "unparsedCount" INTEGER NOT NULL DEFAULT 0,
    "firstTs" REAL,
    "lastTs" REAL,
    "services" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Source_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Event" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "incidentId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "line" INTEGER,
    "idx" INTEGER,
    "spanId" TEXT,
    "ts" REAL,
    "startTs" REAL,
    "endTs" REAL,
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
    CONSTRAINT "Event_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Diagnostic" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "sourceId" TEXT NOT NULL,
    "line" INTEGER,
    "idx" INTEGER,
    "spanId" TEXT,
    "code" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    CONSTRAINT "Diagnostic_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
