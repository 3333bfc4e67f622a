import { NextResponse } from "next/server";
import { geocoderUrl, mapTiles } from "@/server/config";

export const dynamic = "force-dynamic";

/** What the browser's map widgets need to know of the instance: the tile server and whether geocoding is on. */
export function GET() {
  return NextResponse.json({ tiles: mapTiles(), geocoding: geocoderUrl() !== null });
}
