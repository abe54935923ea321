/**
 * CCSDS Re-entry Data Messages (RDM, CCSDS 508.1-B-1) in KVN and XML: read through Orekit's generic CCSDS lexical
 * analysers and written through the node's Orekit generators ({@code orbit/CcsdsGenerators}), which Orekit has no
 * RDM parser or writer of its own for. The message is held as its keywords, block by block, in the order and with the
 * units and ranges of the NDM/XML 2.0.0 RDM schema.
 */
package org.concord.formats.rdm;
