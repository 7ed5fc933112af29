import { useCallback, useState, type FormEvent } from 'react';
import { createOrderInput } from '@repo/domain';
import { toApiProblem, type ApiProblem } from '../../api/api-problem.js';
import type { CatalogProduct } from '../../api/router-types.js';
import { useI18n } from '../../i18n/i18n.js';
import { api } from '../../session/session-store.js';
import { ProblemAlert } from '../../shell/problem-alert.js';
import { routeHref } from '../../shell/use-route.js';
import { CustomerPanel } from '../customers/customer-panel.js';
import { CallStrip } from './call-strip.js';
import { intakeFieldErrors, type IntakeFieldErrors } from './intake-field-errors.js';
import { IntakeLinesTable, type IntakeLine } from './intake-lines-table.js';
import { ProductSearch } from './product-search.js';

interface CreatedOrder {
  readonly id: string;
  readonly number: string;
}

interface IntakeScreenProps {
  /** The caller's number from a screen pop: searched, and the file opened when it is on file. */
  readonly phone?: string | undefined;
  /** The telephone system's call id: shown while the call lasts and kept on the order. */
  readonly call?: string | undefined;
}

/** 接单: the caller's file on the left, the order on the right; taken to the address picked. */
export function IntakeScreen({ phone, call }: IntakeScreenProps) {
  const { t } = useI18n();
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [addressId, setAddressId] = useState<string | null>(null);
  const [lines, setLines] = useState<readonly IntakeLine[]>([]);
  const [checked, setChecked] = useState(false);
  const [serverErrors, setServerErrors] = useState<IntakeFieldErrors>({});
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [created, setCreated] = useState<CreatedOrder | null>(null);
  const [busy, setBusy] = useState(false);
  const [fileVersion, setFileVersion] = useState(0);
  const [deliverTo, setDeliverTo] = useState<{ name: string; label: string; text: string } | null>(null);
  // Bumped after each order so the product search starts empty.
  const [formKey, setFormKey] = useState(0);

  // The same schema the server parses with, so most mistakes never leave the browser. Once a
  // submit has failed, the check reruns on every edit so a fixed field clears at once.
  const parsed = createOrderInput.safeParse({
    customerId: customerId ?? '',
    ...(addressId ? { addressId } : {}),
    ...(call ? { callId: call } : {}),
    lines: lines.map((l) => ({ productId: l.product.id, quantity: l.quantity.trim() === '' ? Number.NaN : Number(l.quantity) })),
  });
  const clientErrors = checked && !parsed.success
    ? intakeFieldErrors(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message, code: i.code })), t)
    : {};
  const missingAddress = checked && customerId !== null && addressId === null ? { addressId: t('intake.errors.addressId') } : {};
  const errors: IntakeFieldErrors = { ...serverErrors, ...clientErrors, ...missingAddress };

  const edit = useCallback((change: () => void) => {
    change();
    setServerErrors({});
    setProblem(null);
    setCreated(null);
  }, []);
  const chooseCustomer = useCallback((id: string | null) => edit(() => { setCustomerId(id); setAddressId(null); }), [edit]);
  const chooseAddress = useCallback((id: string | null) => edit(() => setAddressId(id)), [edit]);

  function addProduct(product: CatalogProduct) {
    // Adding a product twice raises its quantity: an order takes each product once.
    edit(() => setLines((current) => current.some((l) => l.product.id === product.id)
      ? current.map((l) => (l.product.id === product.id ? { ...l, quantity: String((Number(l.quantity) || 0) + 1) } : l))
      : [...current, { product, quantity: '1' }]));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblem(null);
    setChecked(true);
    if (!parsed.success || addressId === null) return;
    setBusy(true);
    try {
      const order = await api.orders.create.mutate(parsed.data);
      setCreated({ id: order.id, number: order.number });
      // The caller stays open: the new order shows among their open ones, and a second order is one step away.
      setLines([]);
      setChecked(false);
      setFormKey((k) => k + 1);
      setFileVersion((v) => v + 1);
    } catch (error) {
      const failure = toApiProblem(error);
      setServerErrors(intakeFieldErrors(failure.fields, t));
      setProblem(failure.fields.length > 0 ? null : failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="screen intake">
      {call && <CallStrip phone={phone} call={call} />}
      <h2 id="intake-title" className="screen-title">{t('intake.title')}</h2>
      <div className="intake-columns">
        <CustomerPanel
          callerPhone={phone}
          customerId={customerId}
          onCustomer={chooseCustomer}
          addressId={addressId}
          onAddress={chooseAddress}
          reloadKey={fileVersion}
          errors={{ customerId: errors.customerId, addressId: errors.addressId }}
          onDeliverTo={setDeliverTo}
        />
        <form className="order-side" onSubmit={submit} aria-labelledby="intake-title" noValidate key={formKey}>
          {/* Said where the agent clicked: the order side stays in view while the file scrolls. */}
          {created && (
            <p role="status" className="success">
              {t('intake.created', { number: created.number })}{' '}
              <a className="inline-action" href={routeHref({ name: 'board', orderId: created.id })}>{t('intake.openOnBoard')}</a>
            </p>
          )}
          <ProductSearch onAdd={addProduct} />
          <IntakeLinesTable
            lines={lines}
            errors={errors}
            onQuantity={(id, quantity) => edit(() => setLines((current) => current.map((l) => (l.product.id === id ? { ...l, quantity } : l))))}
            onRemove={(id) => edit(() => setLines((current) => current.filter((l) => l.product.id !== id)))}
          />
          <p className="deliver-to" aria-live="polite">
            {deliverTo
              ? <><span className="muted">{t('intake.deliverTo')}</span> <strong>{deliverTo.name} · {deliverTo.label}</strong> {deliverTo.text}</>
              : <span className="muted">{t('intake.noDeliverTo')}</span>}
          </p>
          <div className="form-actions">
            {Object.keys(errors).length > 0 && <p role="alert" className="error">{t('intake.errors.form')}</p>}
            <ProblemAlert problem={problem} />
            <button type="submit" className="primary" disabled={busy}>{busy ? t('intake.submitting') : t('intake.submit')}</button>
          </div>
        </form>
      </div>
    </div>
  );
}
