package dev.lanyard.screening;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One publication of the SDN list as one node downloaded it, so every node screens against the
 * same version: nodes build their in-memory index from the newest row. The CSV text is kept as
 * OFAC published it (public data).
 */
@Entity
@Table(name = "LANYARD_SANCTIONS_LIST")
@NamedQueries({
        @NamedQuery(name = "lanyardNewestListVersion",
                query = "select l.version from SanctionsListEntity l order by l.loadedAt desc"),
        @NamedQuery(name = "lanyardListByVersion",
                query = "select l from SanctionsListEntity l where l.version = :version"),
        @NamedQuery(name = "lanyardListsNewestFirst",
                query = "select l from SanctionsListEntity l order by l.loadedAt desc"),
        // Without the two CSV texts (megabytes): what an admin sees of the stored versions.
        @NamedQuery(name = "lanyardListSummariesNewestFirst",
                query = "select l.version, l.loadedAt, l.entries, l.source from SanctionsListEntity l order by l.loadedAt desc")
})
public class SanctionsListEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "VERSION", length = 255)
    private String version;

    @Column(name = "LOADED_AT", nullable = false)
    private long loadedAt;

    @Column(name = "SOURCE", length = 512)
    private String source;

    @Column(name = "ENTRIES", nullable = false)
    private int entries;

    @Column(name = "SDN_CSV")
    private String sdnCsv;

    @Column(name = "ALT_CSV")
    private String altCsv;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    public long getLoadedAt() {
        return loadedAt;
    }

    public void setLoadedAt(long loadedAt) {
        this.loadedAt = loadedAt;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public int getEntries() {
        return entries;
    }

    public void setEntries(int entries) {
        this.entries = entries;
    }

    public String getSdnCsv() {
        return sdnCsv;
    }

    public void setSdnCsv(String sdnCsv) {
        this.sdnCsv = sdnCsv;
    }

    public String getAltCsv() {
        return altCsv;
    }

    public void setAltCsv(String altCsv) {
        this.altCsv = altCsv;
    }
}
