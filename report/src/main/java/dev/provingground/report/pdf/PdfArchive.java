package dev.provingground.report.pdf;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * What makes the document PDF/A-3b and self-contained: the XMP metadata declaring the conformance, an sRGB output
 * intent, a fixed document id and fixed dates (so the same bundle gives the same bytes), and the bundle attached
 * unchanged as an associated file ({@code AFRelationship /Source}), which PDF/A-3 allows.
 */
final class PdfArchive {

    static final String PRODUCER = "Proving Ground report";

    private PdfArchive() {
    }

    /**
     * @param date       the document's creation and modification date
     * @param documentId 16 bytes that identify this document; the same bundle gives the same id
     */
    static void declare(PDDocument document, String title, String subject, String language, Instant date, byte[] documentId)
            throws IOException {
        Calendar calendar = calendar(date);
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setSubject(subject);
        info.setProducer(PRODUCER);
        info.setCreator(PRODUCER);
        info.setCreationDate(calendar);
        info.setModificationDate(calendar);

        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
        dc.setTitle(title);
        dc.setDescription(subject);
        dc.addCreator(PRODUCER);
        dc.addLanguage(language);
        AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
        pdf.setProducer(PRODUCER);
        XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
        basic.setCreatorTool(PRODUCER);
        basic.setCreateDate(calendar);
        basic.setModifyDate(calendar);
        basic.setMetadataDate(calendar);
        PDFAIdentificationSchema pdfa = xmp.createAndAddPDFAIdentificationSchema();
        try {
            pdfa.setPart(3);
            pdfa.setConformance("B");
        } catch (BadFieldValueException e) {
            throw new IllegalStateException("PDF/A identification rejected", e);
        }
        ByteArrayOutputStream serialized = new ByteArrayOutputStream();
        try {
            new XmpSerializer().serialize(xmp, serialized, true);
        } catch (javax.xml.transform.TransformerException e) {
            throw new IOException("cannot write the XMP metadata", e);
        }
        PDDocumentCatalog catalog = document.getDocumentCatalog();
        PDMetadata metadata = new PDMetadata(document);
        metadata.importXMPMetadata(serialized.toByteArray());
        catalog.setMetadata(metadata);
        catalog.setLanguage(language);

        byte[] icc = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        PDOutputIntent intent = new PDOutputIntent(document, new ByteArrayInputStream(icc));
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        catalog.addOutputIntent(intent);

        COSArray id = new COSArray();
        id.add(new COSString(documentId));
        id.add(new COSString(documentId));
        document.getDocument().setDocumentID(id);
        // PDF/A-3 is based on PDF 1.7: say so in the header as well as in the catalog.
        document.getDocument().setVersion(1.7f);
        document.setVersion(1.7f);
    }

    /** Attaches {@code file} byte for byte under {@code name}, as the source the document was made from. */
    static void attach(PDDocument document, Path file, String name, String description, Instant date) throws IOException {
        PDEmbeddedFile embedded = new PDEmbeddedFile(document);
        // Unfiltered, so written raw: PDFBox's filtering stream, given no filter, passes a copy on one byte at a time,
        // which for a bundle of a million events was most of the time spent drawing the document.
        try (OutputStream out = embedded.getCOSObject().createRawOutputStream()) {
            Files.copy(file, out);
        }
        embedded.setSubtype("application/zip");
        embedded.setSize((int) Math.min(Integer.MAX_VALUE, Files.size(file)));
        embedded.setModDate(calendar(date));
        embedded.setCreationDate(calendar(date));

        PDComplexFileSpecification spec = new PDComplexFileSpecification();
        spec.setFile(name);
        spec.setFileUnicode(name);
        spec.setFileDescription(description);
        spec.setEmbeddedFile(embedded);
        spec.setEmbeddedFileUnicode(embedded);
        spec.getCOSObject().setName(COSName.getPDFName("AFRelationship"), "Source");

        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(Map.of(name, spec));
        PDDocumentCatalog catalog = document.getDocumentCatalog();
        PDDocumentNameDictionary names = new PDDocumentNameDictionary(catalog);
        names.setEmbeddedFiles(tree);
        catalog.setNames(names);
        COSArray associated = new COSArray();
        associated.add(spec);
        catalog.getCOSObject().setItem(COSName.getPDFName("AF"), associated);
    }

    private static Calendar calendar(Instant time) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
        calendar.setTimeInMillis(time.toEpochMilli());
        return calendar;
    }

}
