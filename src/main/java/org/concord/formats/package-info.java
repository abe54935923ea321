/**
 * The message formats Concord reads and writes: TLE, OMM (CCSDS KVN and XML, JSON, CSV), OEM, OPM, CDM and the SATCAT
 * CSV, through Orekit's parsers and writers where it has them; format detection, and input errors that name the
 * file, line and field.
 * <p>Depends on {@code catalog} and {@code orbit}; never on the adapters, the store or the composition root.
 */
package org.concord.formats;
