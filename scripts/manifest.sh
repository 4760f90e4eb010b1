# Sourced by the benchmarks: writes import manifests of generated items.
#
# manifest FILE ROWS SEED FIRST_SERIAL DIR CATALOGUE: ROWS rows from serial FIRST_SERIAL, with
# random content and metadata hashes that SEED reproduces, metadata at
# https://museum.example/DIR/N.json and catalogue numbers CATALOGUE-NNNNNNN.
manifest() {
	awk -v rows="$2" -v seed="$3" -v first="$4" -v dir="$5" -v catalogue="$6" 'BEGIN {
		srand(seed)
		print "serial,content_sha256,metadata_uri,metadata_sha256,catalogue_number"
		for (i = first; i < first + rows; i++) {
			content = ""; metadata = ""
			for (k = 0; k < 8; k++) {
				content = content sprintf("%08x", int(rand() * 4294967296))
				metadata = metadata sprintf("%08x", int(rand() * 4294967296))
			}
			printf "%d,%s,https://museum.example/%s/%d.json,%s,%s-%07d\n", i, content, dir, i, metadata, catalogue, i
		}
	}' >"$1"
}
