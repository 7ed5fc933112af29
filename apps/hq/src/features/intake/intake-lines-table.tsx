import type { CatalogProduct } from '../../api/router-types.js';
import { useI18n } from '../../i18n/i18n.js';
import { formatPrice } from '../../shell/format-price.js';
import type { IntakeFieldErrors } from './intake-field-errors.js';

/** One product on the order being taken; the quantity stays text while the operator types. */
export interface IntakeLine {
  readonly product: CatalogProduct;
  readonly quantity: string;
}

interface IntakeLinesTableProps {
  readonly lines: readonly IntakeLine[];
  readonly errors: IntakeFieldErrors;
  readonly onQuantity: (productId: string, quantity: string) => void;
  readonly onRemove: (productId: string) => void;
}

/** The order's lines with editable quantities, per-line problems and the total. */
export function IntakeLinesTable({ lines, errors, onQuantity, onRemove }: IntakeLinesTableProps) {
  const { t, locale } = useI18n();
  const total = lines.reduce((sum, l) => sum + l.product.priceFen * (Number(l.quantity) || 0), 0);
  return (
    <section className="card" aria-labelledby="lines-heading">
      <h2 id="lines-heading">{t('intake.lines')}</h2>
      {errors.lines && <p className="error">{errors.lines}</p>}
      {lines.length === 0 ? (
        <p className="empty">{t('intake.noLines')}</p>
      ) : (
        <>
          <div className="table-scroll">
            <table className="lines" aria-labelledby="lines-heading">
              <thead>
                <tr>
                  <th scope="col">{t('intake.product')}</th>
                  <th scope="col" className="wide-only">{t('intake.gtin')}</th>
                  <th scope="col" className="wide-only num">{t('intake.price')}</th>
                  <th scope="col">{t('intake.quantity')}</th>
                  <th scope="col" className="num">{t('intake.subtotal')}</th>
                  <th scope="col"><span className="visually-hidden">{t('intake.remove')}</span></th>
                </tr>
              </thead>
              <tbody>
                {lines.map((line, i) => (
                  <IntakeLineRow
                    key={line.product.id}
                    line={line}
                    index={i}
                    error={errors[`lines.${i}.quantity`] ?? errors[`lines.${i}.productId`]}
                    onQuantity={(quantity) => onQuantity(line.product.id, quantity)}
                    onRemove={() => onRemove(line.product.id)}
                  />
                ))}
              </tbody>
            </table>
          </div>
          <p className="total">{t('intake.total')} <strong>{formatPrice(total, locale)}</strong></p>
        </>
      )}
    </section>
  );
}

interface IntakeLineRowProps {
  readonly line: IntakeLine;
  readonly index: number;
  readonly error: string | undefined;
  readonly onQuantity: (quantity: string) => void;
  readonly onRemove: () => void;
}

function IntakeLineRow({ line, index, error, onQuantity, onRemove }: IntakeLineRowProps) {
  const { t, locale } = useI18n();
  const { product } = line;
  const errorId = `line-${index}-error`;
  return (
    <tr>
      <td>{product.name}</td>
      <td className="wide-only gtin">{product.gtin}</td>
      <td className="wide-only num">{formatPrice(product.priceFen, locale)}</td>
      <td>
        <input
          className="quantity"
          type="number"
          inputMode="numeric"
          min={1}
          max={999}
          value={line.quantity}
          onChange={(e) => onQuantity(e.target.value)}
          aria-label={t('intake.quantityOf', { name: product.name })}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
        {error && <p id={errorId} className="error">{error}</p>}
      </td>
      <td className="num">{formatPrice(product.priceFen * (Number(line.quantity) || 0), locale)}</td>
      <td>
        <button type="button" onClick={onRemove} aria-label={t('intake.removeProduct', { name: product.name })}>{t('intake.remove')}</button>
      </td>
    </tr>
  );
}
