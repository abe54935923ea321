-- The volume of a screening run: threshold_m stays the sphere's radius (for an ellipsoid, its largest semi-axis: the
-- broad phase's sphere); the ellipsoid's semi-axes in the primary's RTN frame when the run used one.
-- A run of kind EPHEMERIS names the uploaded ephemeris it screened (the file itself is not stored).
ALTER TABLE screening_run ADD COLUMN ellipsoid_radial_m DOUBLE PRECISION;
ALTER TABLE screening_run ADD COLUMN ellipsoid_in_track_m DOUBLE PRECISION;
ALTER TABLE screening_run ADD COLUMN ellipsoid_cross_track_m DOUBLE PRECISION;
ALTER TABLE screening_run ADD COLUMN ephemeris_name VARCHAR(512);
ALTER TABLE screening_run ADD COLUMN ephemeris_sha256 CHAR(64);
