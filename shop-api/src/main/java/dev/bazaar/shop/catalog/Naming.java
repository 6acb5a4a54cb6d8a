package dev.bazaar.shop.catalog;

/** How a category names its products, because a book is named by its title and a phone by brand and model. */
enum Naming {

    /** "Гантели разборные IronBody, 2×10 кг" / "IronBody Adjustable Dumbbells, 2×10 kg". */
    BRANDED(new Text("Бренд", "Brand")),
    /** Like {@link #BRANDED} with a model code after the brand: "Smartphone Orion S23, 256 GB". */
    MODEL(new Text("Бренд", "Brand")),
    /** The kind is a title and the brand a publisher, kept out of the name: "Дорога на север, твёрдый переплёт". */
    TITLE(new Text("Издательство", "Publisher"));

    private final Text brandLabel;

    Naming(Text brandLabel) {
        this.brandLabel = brandLabel;
    }

    /** What the description calls the brand. */
    Text brandLabel() {
        return brandLabel;
    }
}
