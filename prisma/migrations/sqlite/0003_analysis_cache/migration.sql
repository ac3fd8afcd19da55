-- CreateTable
CREATE TABLE "AnalysisCache" (
    "incidentId" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "report" TEXT NOT NULL,
    "computeMs" REAL NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("incidentId", "fingerprint"),
    CONSTRAINT "AnalysisCache_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Incident" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "profile" TEXT,
    "demo" BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO "new_Incident" ("createdAt", "id", "name", "profile", "updatedAt") SELECT "createdAt", "id", "name", "profile", "updatedAt" FROM "Incident";
DROP TABLE "Incident";
ALTER TABLE "new_Incident" RENAME TO "Incident";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
