var ee=globalThis,te=ee.ShadowRoot&&(ee.ShadyCSS===void 0||ee.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,ye=Symbol(),je=new WeakMap,L=class{constructor(e,t,s){if(this._$cssResult$=!0,s!==ye)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=e,this.t=t}get styleSheet(){let e=this.o,t=this.t;if(te&&e===void 0){let s=t!==void 0&&t.length===1;s&&(e=je.get(t)),e===void 0&&((this.o=e=new CSSStyleSheet).replaceSync(this.cssText),s&&je.set(t,e))}return e}toString(){return this.cssText}},Oe=n=>new L(typeof n=="string"?n:n+"",void 0,ye),$e=(n,...e)=>{let t=n.length===1?n[0]:e.reduce((s,i,a)=>s+(r=>{if(r._$cssResult$===!0)return r.cssText;if(typeof r=="number")return r;throw Error("Value passed to 'css' function must be a 'css' function result: "+r+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(i)+n[a+1],n[0]);return new L(t,n,ye)},Ne=(n,e)=>{if(te)n.adoptedStyleSheets=e.map(t=>t instanceof CSSStyleSheet?t:t.styleSheet);else for(let t of e){let s=document.createElement("style"),i=ee.litNonce;i!==void 0&&s.setAttribute("nonce",i),s.textContent=t.cssText,n.appendChild(s)}},be=te?n=>n:n=>n instanceof CSSStyleSheet?(e=>{let t="";for(let s of e.cssRules)t+=s.cssText;return Oe(t)})(n):n;var{is:vt,defineProperty:wt,getOwnPropertyDescriptor:xt,getOwnPropertyNames:kt,getOwnPropertySymbols:At,getPrototypeOf:St}=Object,se=globalThis,Ie=se.trustedTypes,Et=Ie?Ie.emptyScript:"",Tt=se.reactiveElementPolyfillSupport,B=(n,e)=>n,ve={toAttribute(n,e){switch(e){case Boolean:n=n?Et:null;break;case Object:case Array:n=n==null?n:JSON.stringify(n)}return n},fromAttribute(n,e){let t=n;switch(e){case Boolean:t=n!==null;break;case Number:t=n===null?null:Number(n);break;case Object:case Array:try{t=JSON.parse(n)}catch{t=null}}return t}},Be=(n,e)=>!vt(n,e),Le={attribute:!0,type:String,converter:ve,reflect:!1,useDefault:!1,hasChanged:Be};Symbol.metadata??=Symbol("metadata"),se.litPropertyMetadata??=new WeakMap;var E=class extends HTMLElement{static addInitializer(e){this._$Ei(),(this.l??=[]).push(e)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(e,t=Le){if(t.state&&(t.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(e)&&((t=Object.create(t)).wrapped=!0),this.elementProperties.set(e,t),!t.noAccessor){let s=Symbol(),i=this.getPropertyDescriptor(e,s,t);i!==void 0&&wt(this.prototype,e,i)}}static getPropertyDescriptor(e,t,s){let{get:i,set:a}=xt(this.prototype,e)??{get(){return this[t]},set(r){this[t]=r}};return{get:i,set(r){let o=i?.call(this);a?.call(this,r),this.requestUpdate(e,o,s)},configurable:!0,enumerable:!0}}static getPropertyOptions(e){return this.elementProperties.get(e)??Le}static _$Ei(){if(this.hasOwnProperty(B("elementProperties")))return;let e=St(this);e.finalize(),e.l!==void 0&&(this.l=[...e.l]),this.elementProperties=new Map(e.elementProperties)}static finalize(){if(this.hasOwnProperty(B("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(B("properties"))){let t=this.properties,s=[...kt(t),...At(t)];for(let i of s)this.createProperty(i,t[i])}let e=this[Symbol.metadata];if(e!==null){let t=litPropertyMetadata.get(e);if(t!==void 0)for(let[s,i]of t)this.elementProperties.set(s,i)}this._$Eh=new Map;for(let[t,s]of this.elementProperties){let i=this._$Eu(t,s);i!==void 0&&this._$Eh.set(i,t)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(e){let t=[];if(Array.isArray(e)){let s=new Set(e.flat(1/0).reverse());for(let i of s)t.unshift(be(i))}else e!==void 0&&t.push(be(e));return t}static _$Eu(e,t){let s=t.attribute;return s===!1?void 0:typeof s=="string"?s:typeof e=="string"?e.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(e=>this.enableUpdating=e),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(e=>e(this))}addController(e){(this._$EO??=new Set).add(e),this.renderRoot!==void 0&&this.isConnected&&e.hostConnected?.()}removeController(e){this._$EO?.delete(e)}_$E_(){let e=new Map,t=this.constructor.elementProperties;for(let s of t.keys())this.hasOwnProperty(s)&&(e.set(s,this[s]),delete this[s]);e.size>0&&(this._$Ep=e)}createRenderRoot(){let e=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return Ne(e,this.constructor.elementStyles),e}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(e=>e.hostConnected?.())}enableUpdating(e){}disconnectedCallback(){this._$EO?.forEach(e=>e.hostDisconnected?.())}attributeChangedCallback(e,t,s){this._$AK(e,s)}_$ET(e,t){let s=this.constructor.elementProperties.get(e),i=this.constructor._$Eu(e,s);if(i!==void 0&&s.reflect===!0){let a=(s.converter?.toAttribute!==void 0?s.converter:ve).toAttribute(t,s.type);this._$Em=e,a==null?this.removeAttribute(i):this.setAttribute(i,a),this._$Em=null}}_$AK(e,t){let s=this.constructor,i=s._$Eh.get(e);if(i!==void 0&&this._$Em!==i){let a=s.getPropertyOptions(i),r=typeof a.converter=="function"?{fromAttribute:a.converter}:a.converter?.fromAttribute!==void 0?a.converter:ve;this._$Em=i;let o=r.fromAttribute(t,a.type);this[i]=o??this._$Ej?.get(i)??o,this._$Em=null}}requestUpdate(e,t,s,i=!1,a){if(e!==void 0){let r=this.constructor;if(i===!1&&(a=this[e]),s??=r.getPropertyOptions(e),!((s.hasChanged??Be)(a,t)||s.useDefault&&s.reflect&&a===this._$Ej?.get(e)&&!this.hasAttribute(r._$Eu(e,s))))return;this.C(e,t,s)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(e,t,{useDefault:s,reflect:i,wrapped:a},r){s&&!(this._$Ej??=new Map).has(e)&&(this._$Ej.set(e,r??t??this[e]),a!==!0||r!==void 0)||(this._$AL.has(e)||(this.hasUpdated||s||(t=void 0),this._$AL.set(e,t)),i===!0&&this._$Em!==e&&(this._$Eq??=new Set).add(e))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(t){Promise.reject(t)}let e=this.scheduleUpdate();return e!=null&&await e,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[i,a]of this._$Ep)this[i]=a;this._$Ep=void 0}let s=this.constructor.elementProperties;if(s.size>0)for(let[i,a]of s){let{wrapped:r}=a,o=this[i];r!==!0||this._$AL.has(i)||o===void 0||this.C(i,void 0,a,o)}}let e=!1,t=this._$AL;try{e=this.shouldUpdate(t),e?(this.willUpdate(t),this._$EO?.forEach(s=>s.hostUpdate?.()),this.update(t)):this._$EM()}catch(s){throw e=!1,this._$EM(),s}e&&this._$AE(t)}willUpdate(e){}_$AE(e){this._$EO?.forEach(t=>t.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(e)),this.updated(e)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(e){return!0}update(e){this._$Eq&&=this._$Eq.forEach(t=>this._$ET(t,this[t])),this._$EM()}updated(e){}firstUpdated(e){}};E.elementStyles=[],E.shadowRootOptions={mode:"open"},E[B("elementProperties")]=new Map,E[B("finalized")]=new Map,Tt?.({ReactiveElement:E}),(se.reactiveElementVersions??=[]).push("2.1.2");var xe=globalThis,Ve=n=>n,ne=xe.trustedTypes,qe=ne?ne.createPolicy("lit-html",{createHTML:n=>n}):void 0,ke="$lit$",T=`lit$${Math.random().toFixed(9).slice(2)}$`,Ae="?"+T,Ct=`<${Ae}>`,P=document,q=()=>P.createComment(""),W=n=>n===null||typeof n!="object"&&typeof n!="function",Se=Array.isArray,Qe=n=>Se(n)||typeof n?.[Symbol.iterator]=="function",we=`[ 	
\f\r]`,V=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,We=/-->/g,Ke=/>/g,z=RegExp(`>|${we}(?:([^\\s"'>=/]+)(${we}*=${we}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),Ge=/'/g,Fe=/"/g,Ye=/^(?:script|style|textarea|title)$/i,Ee=n=>(e,...t)=>({_$litType$:n,strings:e,values:t}),g=Ee(1),v=Ee(2),us=Ee(3),C=Symbol.for("lit-noChange"),d=Symbol.for("lit-nothing"),Ze=new WeakMap,R=P.createTreeWalker(P,129);function Je(n,e){if(!Se(n)||!n.hasOwnProperty("raw"))throw Error("invalid template strings array");return qe!==void 0?qe.createHTML(e):e}var Xe=(n,e)=>{let t=n.length-1,s=[],i,a=e===2?"<svg>":e===3?"<math>":"",r=V;for(let o=0;o<t;o++){let l=n[o],u,h,c=-1,p=0;for(;p<l.length&&(r.lastIndex=p,h=r.exec(l),h!==null);)p=r.lastIndex,r===V?h[1]==="!--"?r=We:h[1]!==void 0?r=Ke:h[2]!==void 0?(Ye.test(h[2])&&(i=RegExp("</"+h[2],"g")),r=z):h[3]!==void 0&&(r=z):r===z?h[0]===">"?(r=i??V,c=-1):h[1]===void 0?c=-2:(c=r.lastIndex-h[2].length,u=h[1],r=h[3]===void 0?z:h[3]==='"'?Fe:Ge):r===Fe||r===Ge?r=z:r===We||r===Ke?r=V:(r=z,i=void 0);let f=r===z&&n[o+1].startsWith("/>")?" ":"";a+=r===V?l+Ct:c>=0?(s.push(u),l.slice(0,c)+ke+l.slice(c)+T+f):l+T+(c===-2?o:f)}return[Je(n,a+(n[t]||"<?>")+(e===2?"</svg>":e===3?"</math>":"")),s]},K=class n{constructor({strings:e,_$litType$:t},s){let i;this.parts=[];let a=0,r=0,o=e.length-1,l=this.parts,[u,h]=Xe(e,t);if(this.el=n.createElement(u,s),R.currentNode=this.el.content,t===2||t===3){let c=this.el.content.firstChild;c.replaceWith(...c.childNodes)}for(;(i=R.nextNode())!==null&&l.length<o;){if(i.nodeType===1){if(i.hasAttributes())for(let c of i.getAttributeNames())if(c.endsWith(ke)){let p=h[r++],f=i.getAttribute(c).split(T),_=/([.?@])?(.*)/.exec(p);l.push({type:1,index:a,name:_[2],strings:f,ctor:_[1]==="."?ae:_[1]==="?"?re:_[1]==="@"?oe:D}),i.removeAttribute(c)}else c.startsWith(T)&&(l.push({type:6,index:a}),i.removeAttribute(c));if(Ye.test(i.tagName)){let c=i.textContent.split(T),p=c.length-1;if(p>0){i.textContent=ne?ne.emptyScript:"";for(let f=0;f<p;f++)i.append(c[f],q()),R.nextNode(),l.push({type:2,index:++a});i.append(c[p],q())}}}else if(i.nodeType===8)if(i.data===Ae)l.push({type:2,index:a});else{let c=-1;for(;(c=i.data.indexOf(T,c+1))!==-1;)l.push({type:7,index:a}),c+=T.length-1}a++}}static createElement(e,t){let s=P.createElement("template");return s.innerHTML=e,s}};function H(n,e,t=n,s){if(e===C)return e;let i=s!==void 0?t._$Co?.[s]:t._$Cl,a=W(e)?void 0:e._$litDirective$;return i?.constructor!==a&&(i?._$AO?.(!1),a===void 0?i=void 0:(i=new a(n),i._$AT(n,t,s)),s!==void 0?(t._$Co??=[])[s]=i:t._$Cl=i),i!==void 0&&(e=H(n,i._$AS(n,e.values),i,s)),e}var ie=class{constructor(e,t){this._$AV=[],this._$AN=void 0,this._$AD=e,this._$AM=t}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(e){let{el:{content:t},parts:s}=this._$AD,i=(e?.creationScope??P).importNode(t,!0);R.currentNode=i;let a=R.nextNode(),r=0,o=0,l=s[0];for(;l!==void 0;){if(r===l.index){let u;l.type===2?u=new j(a,a.nextSibling,this,e):l.type===1?u=new l.ctor(a,l.name,l.strings,this,e):l.type===6&&(u=new le(a,this,e)),this._$AV.push(u),l=s[++o]}r!==l?.index&&(a=R.nextNode(),r++)}return R.currentNode=P,i}p(e){let t=0;for(let s of this._$AV)s!==void 0&&(s.strings!==void 0?(s._$AI(e,s,t),t+=s.strings.length-2):s._$AI(e[t])),t++}},j=class n{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(e,t,s,i){this.type=2,this._$AH=d,this._$AN=void 0,this._$AA=e,this._$AB=t,this._$AM=s,this.options=i,this._$Cv=i?.isConnected??!0}get parentNode(){let e=this._$AA.parentNode,t=this._$AM;return t!==void 0&&e?.nodeType===11&&(e=t.parentNode),e}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(e,t=this){e=H(this,e,t),W(e)?e===d||e==null||e===""?(this._$AH!==d&&this._$AR(),this._$AH=d):e!==this._$AH&&e!==C&&this._(e):e._$litType$!==void 0?this.$(e):e.nodeType!==void 0?this.T(e):Qe(e)?this.k(e):this._(e)}O(e){return this._$AA.parentNode.insertBefore(e,this._$AB)}T(e){this._$AH!==e&&(this._$AR(),this._$AH=this.O(e))}_(e){this._$AH!==d&&W(this._$AH)?this._$AA.nextSibling.data=e:this.T(P.createTextNode(e)),this._$AH=e}$(e){let{values:t,_$litType$:s}=e,i=typeof s=="number"?this._$AC(e):(s.el===void 0&&(s.el=K.createElement(Je(s.h,s.h[0]),this.options)),s);if(this._$AH?._$AD===i)this._$AH.p(t);else{let a=new ie(i,this),r=a.u(this.options);a.p(t),this.T(r),this._$AH=a}}_$AC(e){let t=Ze.get(e.strings);return t===void 0&&Ze.set(e.strings,t=new K(e)),t}k(e){Se(this._$AH)||(this._$AH=[],this._$AR());let t=this._$AH,s,i=0;for(let a of e)i===t.length?t.push(s=new n(this.O(q()),this.O(q()),this,this.options)):s=t[i],s._$AI(a),i++;i<t.length&&(this._$AR(s&&s._$AB.nextSibling,i),t.length=i)}_$AR(e=this._$AA.nextSibling,t){for(this._$AP?.(!1,!0,t);e!==this._$AB;){let s=Ve(e).nextSibling;Ve(e).remove(),e=s}}setConnected(e){this._$AM===void 0&&(this._$Cv=e,this._$AP?.(e))}},D=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(e,t,s,i,a){this.type=1,this._$AH=d,this._$AN=void 0,this.element=e,this.name=t,this._$AM=i,this.options=a,s.length>2||s[0]!==""||s[1]!==""?(this._$AH=Array(s.length-1).fill(new String),this.strings=s):this._$AH=d}_$AI(e,t=this,s,i){let a=this.strings,r=!1;if(a===void 0)e=H(this,e,t,0),r=!W(e)||e!==this._$AH&&e!==C,r&&(this._$AH=e);else{let o=e,l,u;for(e=a[0],l=0;l<a.length-1;l++)u=H(this,o[s+l],t,l),u===C&&(u=this._$AH[l]),r||=!W(u)||u!==this._$AH[l],u===d?e=d:e!==d&&(e+=(u??"")+a[l+1]),this._$AH[l]=u}r&&!i&&this.j(e)}j(e){e===d?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,e??"")}},ae=class extends D{constructor(){super(...arguments),this.type=3}j(e){this.element[this.name]=e===d?void 0:e}},re=class extends D{constructor(){super(...arguments),this.type=4}j(e){this.element.toggleAttribute(this.name,!!e&&e!==d)}},oe=class extends D{constructor(e,t,s,i,a){super(e,t,s,i,a),this.type=5}_$AI(e,t=this){if((e=H(this,e,t,0)??d)===C)return;let s=this._$AH,i=e===d&&s!==d||e.capture!==s.capture||e.once!==s.once||e.passive!==s.passive,a=e!==d&&(s===d||i);i&&this.element.removeEventListener(this.name,this,s),a&&this.element.addEventListener(this.name,this,e),this._$AH=e}handleEvent(e){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,e):this._$AH.handleEvent(e)}},le=class{constructor(e,t,s){this.element=e,this.type=6,this._$AN=void 0,this._$AM=t,this.options=s}get _$AU(){return this._$AM._$AU}_$AI(e){H(this,e)}},et={M:ke,P:T,A:Ae,C:1,L:Xe,R:ie,D:Qe,V:H,I:j,H:D,N:re,U:oe,B:ae,F:le},Mt=xe.litHtmlPolyfillSupport;Mt?.(K,j),(xe.litHtmlVersions??=[]).push("3.3.3");var tt=(n,e,t)=>{let s=t?.renderBefore??e,i=s._$litPart$;if(i===void 0){let a=t?.renderBefore??null;s._$litPart$=i=new j(e.insertBefore(q(),a),a,void 0,t??{})}return i._$AI(n),i};var Te=globalThis,A=class extends E{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let e=super.createRenderRoot();return this.renderOptions.renderBefore??=e.firstChild,e}update(e){let t=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(e),this._$Do=tt(t,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return C}};A._$litElement$=!0,A.finalized=!0,Te.litElementHydrateSupport?.({LitElement:A});var zt=Te.litElementPolyfillSupport;zt?.({LitElement:A});(Te.litElementVersions??=[]).push("4.2.2");var st={ATTRIBUTE:1,CHILD:2,PROPERTY:3,BOOLEAN_ATTRIBUTE:4,EVENT:5,ELEMENT:6},nt=n=>(...e)=>({_$litDirective$:n,values:e}),ce=class{constructor(e){}get _$AU(){return this._$AM._$AU}_$AT(e,t,s){this._$Ct=e,this._$AM=t,this._$Ci=s}_$AS(e,t){return this.update(e,t)}update(e,t){return this.render(...t)}};var{I:Rt}=et,it=n=>n;var at=()=>document.createComment(""),O=(n,e,t)=>{let s=n._$AA.parentNode,i=e===void 0?n._$AB:e._$AA;if(t===void 0){let a=s.insertBefore(at(),i),r=s.insertBefore(at(),i);t=new Rt(a,r,n,n.options)}else{let a=t._$AB.nextSibling,r=t._$AM,o=r!==n;if(o){let l;t._$AQ?.(n),t._$AM=n,t._$AP!==void 0&&(l=n._$AU)!==r._$AU&&t._$AP(l)}if(a!==i||o){let l=t._$AA;for(;l!==a;){let u=it(l).nextSibling;it(s).insertBefore(l,i),l=u}}}return t},M=(n,e,t=n)=>(n._$AI(e,t),n),Pt={},rt=(n,e=Pt)=>n._$AH=e,ot=n=>n._$AH,de=n=>{n._$AR(),n._$AA.remove()};var lt=(n,e,t)=>{let s=new Map;for(let i=e;i<=t;i++)s.set(n[i],i);return s},Ce=nt(class extends ce{constructor(n){if(super(n),n.type!==st.CHILD)throw Error("repeat() can only be used in text expressions")}dt(n,e,t){let s;t===void 0?t=e:e!==void 0&&(s=e);let i=[],a=[],r=0;for(let o of n)i[r]=s?s(o,r):r,a[r]=t(o,r),r++;return{values:a,keys:i}}render(n,e,t){return this.dt(n,e,t).values}update(n,[e,t,s]){let i=ot(n),{values:a,keys:r}=this.dt(e,t,s);if(!Array.isArray(i))return this.ut=r,a;let o=this.ut??=[],l=[],u,h,c=0,p=i.length-1,f=0,_=a.length-1;for(;c<=p&&f<=_;)if(i[c]===null)c++;else if(i[p]===null)p--;else if(o[c]===r[f])l[f]=M(i[c],a[f]),c++,f++;else if(o[p]===r[_])l[_]=M(i[p],a[_]),p--,_--;else if(o[c]===r[_])l[_]=M(i[c],a[_]),O(n,l[_+1],i[c]),c++,_--;else if(o[p]===r[f])l[f]=M(i[p],a[f]),O(n,i[c],i[p]),p--,f++;else if(u===void 0&&(u=lt(r,f,_),h=lt(o,c,p)),u.has(o[c]))if(u.has(o[p])){let y=h.get(r[f]),$=y!==void 0?i[y]:null;if($===null){let w=O(n,i[c]);M(w,a[f]),l[f]=w}else l[f]=M($,a[f]),O(n,i[c],$),i[y]=null;f++}else de(i[p]),p--;else de(i[c]),c++;for(;f<=_;){let y=O(n,l[_+1]);M(y,a[f]),l[f++]=y}for(;c<=p;){let y=i[c++];y!==null&&de(y)}return this.ut=r,rt(n,l),C}});var Ht=/^[A-Za-z0-9_][A-Za-z0-9_ .:/+-]*$/,Dt=/^(true|false|yes|no|on|off|null|~|[0-9.:+-]+)$/i;function Me(n){if(n==null)return"null";if(typeof n=="number"||typeof n=="boolean")return String(n);let e=String(n);return Ht.test(e)&&!Dt.test(e)&&!e.endsWith(" ")&&!e.includes(": ")?e:JSON.stringify(e)}function ze(n,e){return Array.isArray(n)?n.length?n.flatMap(t=>{let s=ze(t,e+"  ");return t!==null&&typeof t=="object"&&s.length?[`${e}- ${s[0].trimStart()}`,...s.slice(1)]:[`${e}- ${Me(t)}`]}):[]:n!==null&&typeof n=="object"?Object.entries(n).flatMap(([t,s])=>(Array.isArray(s)?!s.length:s!==null&&typeof s=="object"&&!Object.keys(s).length)?[`${e}${t}: ${Array.isArray(s)?"[]":"{}"}`]:s!==null&&typeof s=="object"?[`${e}${t}:`,...ze(s,e+"  ")]:[`${e}${t}: ${Me(s)}`]):[`${e}${Me(n)}`]}function ct(n){let{alias:e,description:t,...s}=n;return ze(s,"").join(`
`)}var Re={card_name:"AI Automation",card_description:"Automation suggestions with the evidence behind them: accept, dismiss, run the analysis.",broker:"MQTT broker",bridge:"Zigbee2MQTT",connected:"connected",disconnected:"disconnected",online:"online",offline:"offline",not_seen:"not seen yet",unknown:"unknown",last_analysis:"Last analysis",never:"never",status_success:"success",status_no_data:"no history",status_failed:"failed",status_running:"running",changes_read:"{n} changes read",new_suggestions:"{n} new",run_analysis:"Run analysis",running:"Analysing…",no_run:"No analysis has run yet. Run one now, or wait for the daily run.",short_history:"History since {days} days; habits need at least {min} days. The daily analysis keeps looking.",nothing_found:"No open suggestions. The last analysis read {events} changes and found nothing new.",failed:"The last analysis failed: {error}",not_loaded:"AI Automation is not set up or not running.",load_error:"Could not load the suggestions: {error}",kind_habit:"Habit",kind_sequence:"Sequence",kind_unused_capability:"Unused capability",kind_sun:"Sun",kind_presence:"Presence",kind_group:"Group",kind_override:"Undone automation",sunset:"sunset",sunrise:"sunrise",at_event:"at {event}",after_event:"{min} min after {event}",before_event:"{min} min before {event}",sun_spread:"{relative}, usually within {spread} min of it (by the clock within {clock} min)",backtest_days:"right on {right} of the last {total} days, wrong on {wrong}",backtest_days_near:"right on {right} of the last {total} days, near on {near}, wrong on {wrong}",backtest_times:"right {right} of the last {total} times, wrong {wrong}",right:"right",near:"near",wrong:"wrong",together:"done together {n} times ({share} %)",started_habit:"starts at the usual time",started_sun:"starts with the sun",started_sequence:"starts with the trigger",started_first:"starts when the first one changes",override_picture:"undone on {undone} of the {acted} days it acted",undone:"undone",kept:"kept",someone_home:"only while someone is home",first_arrives:"the first person arrives",last_leaves:"the last person leaves",arrives:"{name} arrives",leaves:"{name} leaves",show_automation:"The automation it creates",no_automation:"A hint: there is no automation to create.",accept:"Accept",dismiss:"Dismiss",snooze:"Snooze",created:"Automation created: {title}",snoozed_notice:"Snoozed for {days} days: {title}",dismissed_notice:"Dismissed: {title}",undo:"Undo",open_editor:"Open in the automation editor",action_failed:"That did not work: {error}",habit_picture:"Times over {days} days, one row per day; suggested {from}–{to}",suggested_time:"suggested time",other_days:"other days",delay_picture:"Delays between trigger and action, {n} times; counted within {window}",seconds_after:"seconds after the trigger",typical:"typically {s} s",capability_picture:"{device}: {capability}, unchanged in use",range:"range",values:"values",unchanged:"never changed while in use",always:"always {value}",kinds:"Kinds of suggestions (none: all)",areas:"Areas (none: all)",max_suggestions:"How many suggestions",show_header:"Show the status header",more:"{n} more open"},Ut={card_name:"AI Automation",card_description:"Automatisierungsvorschläge mit ihren Belegen: annehmen, verwerfen, Analyse starten.",broker:"MQTT-Broker",bridge:"Zigbee2MQTT",connected:"verbunden",disconnected:"getrennt",online:"online",offline:"offline",not_seen:"noch nicht gesehen",unknown:"unbekannt",last_analysis:"Letzte Analyse",never:"noch nie",status_success:"erfolgreich",status_no_data:"kein Verlauf",status_failed:"fehlgeschlagen",status_running:"läuft",changes_read:"{n} Änderungen gelesen",new_suggestions:"{n} neu",run_analysis:"Analyse starten",running:"Analysiere …",no_run:"Es lief noch keine Analyse. Starte jetzt eine oder warte auf die tägliche.",short_history:"Verlauf seit {days} Tagen; Gewohnheiten brauchen mindestens {min} Tage. Die tägliche Analyse sucht weiter.",nothing_found:"Keine offenen Vorschläge. Die letzte Analyse hat {events} Änderungen gelesen und nichts Neues gefunden.",failed:"Die letzte Analyse ist fehlgeschlagen: {error}",not_loaded:"AI Automation ist nicht eingerichtet oder läuft nicht.",load_error:"Die Vorschläge konnten nicht geladen werden: {error}",kind_habit:"Gewohnheit",kind_sequence:"Abfolge",kind_unused_capability:"Ungenutzte Funktion",kind_sun:"Sonne",kind_presence:"Anwesenheit",kind_group:"Gruppe",kind_override:"Rückgängig gemachte Automatisierung",sunset:"Sonnenuntergang",sunrise:"Sonnenaufgang",at_event:"bei {event}",after_event:"{min} min nach {event}",before_event:"{min} min vor {event}",sun_spread:"{relative}, meist auf {spread} min genau (nach der Uhr auf {clock} min)",backtest_days:"an {right} der letzten {total} Tage richtig, an {wrong} falsch",backtest_days_near:"an {right} der letzten {total} Tage richtig, an {near} knapp, an {wrong} falsch",backtest_times:"{right} der letzten {total} Male richtig, {wrong} falsch",right:"richtig",near:"knapp",wrong:"falsch",together:"{n}-mal zusammen ({share} %)",started_habit:"beginnt zur üblichen Zeit",started_sun:"beginnt mit der Sonne",started_sequence:"beginnt mit dem Auslöser",started_first:"beginnt, wenn sich das Erste ändert",override_picture:"an {undone} der {acted} Tage rückgängig gemacht, an denen sie lief",undone:"rückgängig",kept:"behalten",someone_home:"nur wenn jemand zu Hause ist",first_arrives:"die erste Person kommt nach Hause",last_leaves:"die letzte Person geht",arrives:"{name} kommt nach Hause",leaves:"{name} geht",show_automation:"Die Automatisierung, die entsteht",no_automation:"Ein Hinweis: Es gibt keine Automatisierung zu erstellen.",accept:"Annehmen",dismiss:"Verwerfen",snooze:"Später",created:"Automatisierung erstellt: {title}",snoozed_notice:"Für {days} Tage zurückgestellt: {title}",dismissed_notice:"Verworfen: {title}",undo:"Rückgängig",open_editor:"Im Automatisierungseditor öffnen",action_failed:"Das hat nicht geklappt: {error}",habit_picture:"Zeiten über {days} Tage, eine Zeile pro Tag; vorgeschlagen {from}–{to}",suggested_time:"vorgeschlagene Zeit",other_days:"andere Tage",delay_picture:"Verzögerung zwischen Auslöser und Aktion, {n}-mal; gezählt innerhalb von {window}",seconds_after:"Sekunden nach dem Auslöser",typical:"meist {s} s",capability_picture:"{device}: {capability}, im Betrieb unverändert",range:"Bereich",values:"Werte",unchanged:"im Betrieb nie verändert",always:"immer {value}",kinds:"Arten von Vorschlägen (keine: alle)",areas:"Bereiche (keine: alle)",max_suggestions:"Wie viele Vorschläge",show_header:"Statuszeile anzeigen",more:"{n} weitere offen"},jt={card_name:"AI Automation",card_description:"Automatiseringsvoorstellen met het bewijs erachter: accepteren, afwijzen, analyse starten.",broker:"MQTT-broker",bridge:"Zigbee2MQTT",connected:"verbonden",disconnected:"niet verbonden",online:"online",offline:"offline",not_seen:"nog niet gezien",unknown:"onbekend",last_analysis:"Laatste analyse",never:"nog nooit",status_success:"gelukt",status_no_data:"geen geschiedenis",status_failed:"mislukt",status_running:"bezig",changes_read:"{n} wijzigingen gelezen",new_suggestions:"{n} nieuw",run_analysis:"Analyse starten",running:"Bezig met analyseren…",no_run:"Er is nog geen analyse gedaan. Start er nu een, of wacht op de dagelijkse.",short_history:"Geschiedenis sinds {days} dagen; gewoontes hebben minstens {min} dagen nodig. De dagelijkse analyse blijft zoeken.",nothing_found:"Geen open voorstellen. De laatste analyse las {events} wijzigingen en vond niets nieuws.",failed:"De laatste analyse is mislukt: {error}",not_loaded:"AI Automation is niet ingesteld of draait niet.",load_error:"De voorstellen konden niet worden geladen: {error}",kind_habit:"Gewoonte",kind_sequence:"Volgorde",kind_unused_capability:"Ongebruikte functie",kind_sun:"Zon",kind_presence:"Aanwezigheid",kind_group:"Groep",kind_override:"Teruggedraaide automatisering",sunset:"zonsondergang",sunrise:"zonsopkomst",at_event:"bij {event}",after_event:"{min} min na {event}",before_event:"{min} min voor {event}",sun_spread:"{relative}, meestal binnen {spread} min ervan (op de klok binnen {clock} min)",backtest_days:"goed op {right} van de laatste {total} dagen, fout op {wrong}",backtest_days_near:"goed op {right} van de laatste {total} dagen, bijna op {near}, fout op {wrong}",backtest_times:"{right} van de laatste {total} keer goed, {wrong} fout",right:"goed",near:"bijna",wrong:"fout",together:"{n} keer samen ({share} %)",started_habit:"begint op de gewone tijd",started_sun:"begint met de zon",started_sequence:"begint met de trigger",started_first:"begint als de eerste verandert",override_picture:"teruggedraaid op {undone} van de {acted} dagen dat ze iets deed",undone:"teruggedraaid",kept:"behouden",someone_home:"alleen als er iemand thuis is",first_arrives:"de eerste persoon komt thuis",last_leaves:"de laatste persoon vertrekt",arrives:"{name} komt thuis",leaves:"{name} vertrekt",show_automation:"De automatisering die ontstaat",no_automation:"Een tip: er is geen automatisering om te maken.",accept:"Accepteren",dismiss:"Afwijzen",snooze:"Later",created:"Automatisering gemaakt: {title}",snoozed_notice:"{days} dagen uitgesteld: {title}",dismissed_notice:"Afgewezen: {title}",undo:"Ongedaan maken",open_editor:"Openen in de automatiseringseditor",action_failed:"Dat lukte niet: {error}",habit_picture:"Tijden over {days} dagen, één rij per dag; voorgesteld {from}–{to}",suggested_time:"voorgestelde tijd",other_days:"andere dagen",delay_picture:"Vertraging tussen trigger en actie, {n} keer; geteld binnen {window}",seconds_after:"seconden na de trigger",typical:"meestal {s} s",capability_picture:"{device}: {capability}, ongewijzigd in gebruik",range:"bereik",values:"waarden",unchanged:"tijdens gebruik nooit gewijzigd",always:"altijd {value}",kinds:"Soorten voorstellen (geen: alle)",areas:"Ruimtes (geen: alle)",max_suggestions:"Hoeveel voorstellen",show_header:"Statusregel tonen",more:"nog {n} open"},Ot={en:Re,de:Ut,nl:jt};function G(n){let e=Ot[(n??"en").split("-")[0]]??Re;return(t,s={})=>(e[t]??Re[t]??t).replace(/\{(\w+)\}/g,(i,a)=>a in s?String(s[a]):i)}function dt(){return typeof navigator<"u"?navigator.language:"en"}var Nt=["habit","sequence","sun","group","unused_capability","override"];async function It(){if(customElements.get("ha-form"))return;await(await window.loadCardHelpers?.())?.createCardElement({type:"entities",entities:[]})?.constructor?.getConfigElement?.()}var F=class extends A{setConfig(e){this._config=e}connectedCallback(){super.connectedCallback(),It().then(()=>this.requestUpdate())}render(){if(!this.hass||!this._config)return d;let e=G(this.hass.locale?.language??this.hass.language),t=[{name:"kinds",selector:{select:{multiple:!0,mode:"list",options:Nt.map(i=>({value:i,label:e(`kind_${i}`)}))}}},{name:"areas",selector:{area:{multiple:!0}}},{name:"max_suggestions",selector:{number:{min:1,max:50,mode:"box"}}},{name:"show_header",selector:{boolean:{}}}],s={show_header:!0,max_suggestions:5,...this._config};return g`<ha-form
      .hass=${this.hass}
      .data=${s}
      .schema=${t}
      .computeLabel=${i=>e(i.name)}
      @value-changed=${this._changed}
    ></ha-form>`}_changed(e){e.stopPropagation();let t={...this._config,...e.detail.value};for(let s of["kinds","areas"])t[s]?.length||delete t[s];this._config=t,this.dispatchEvent(new CustomEvent("config-changed",{detail:{config:t},bubbles:!0,composed:!0}))}};F.properties={hass:{attribute:!1},_config:{state:!0}};var x=320,ue=44,Pe=8,he={all:[0,1,2,3,4,5,6],weekdays:[1,2,3,4,5],weekends:[0,6]},Lt={sun:0,mon:1,tue:2,wed:3,thu:4,fri:5,sat:6};function Bt(n){if(n===void 0)return he.all;if(he[n])return he[n];let e=n.split(",").map(t=>Lt[t.trim()]).filter(t=>t!==void 0);return e.length?e:he.all}function pe(n){let e=(Math.round(n)%1440+1440)%1440;return`${String(Math.floor(e/60)).padStart(2,"0")}:${String(e%60).padStart(2,"0")}`}function Vt(n){let[e,t]=n;return e<=t?[[e,t]]:[[e,1440],[0,t]]}function Z(n){return(n%1440+1440)%1440}var qt=240;function Wt(n,e){let t;if(n.band)t=ge(n.band);else if(typeof e.median_time=="string"&&/^\d{1,2}:\d{2}/.test(e.median_time)){let[i,a]=e.median_time.split(":").map(Number);t=i*60+a}else if(n.times.length){let i=n.times.map(([,o])=>o/1440*2*Math.PI),a=i.reduce((o,l)=>o+Math.sin(l),0),r=i.reduce((o,l)=>o+Math.cos(l),0);t=Z(Math.atan2(a,r)/(2*Math.PI)*1440)}return t===void 0?0:Math.min(Z(t),1440-Z(t))<qt?720:0}function ge(n){return n[0]+((n[1]-n[0])%1440+1440)%1440/2}function Kt(n,e,t,s){let i=Math.max(n.days,1),a=i<=21?11:Math.max(3,230/i),r=4,o=i*a,l=r+o+15,u=x-ue-Pe,h=Wt(n,e),c=m=>ue+m/1440*u,p=m=>Z(m-h),f=(m,b)=>h&&Z(b)<h?m-1:m,_=m=>Vt([p(m[0]),p(m[1])]),y=m=>r+m*a+a/2,$=Bt(e.days),w=new Date(`${n.first_day}T12:00:00`),_t=new Intl.DateTimeFormat(s,{weekday:"short"}),fe=Array.from({length:i},(m,b)=>{let k=new Date(w.getTime()+b*864e5);return{day:b,date:k,counted:$.includes(k.getDay())&&!n.unrecorded?.includes(b)}}),yt=a>=10?1:7,$t=Math.min(3,a/2-.3),S=n.band,Ue=S?t("habit_picture",{days:i,from:pe(S[0]),to:pe(S[1])}):t("habit_picture",{days:i,from:e.median_time??"",to:e.median_time??""}),_e=[],Y=[],J=es(e,t),X=e.offset_minutes;if(n.bands)n.bands.forEach((m,b)=>{if(!m)return;let k=f(b,ge(m));if(k<0||k>=i)return;let N=r+k*a;for(let[I,bt]of _(m))_e.push(v`<rect class="band" x=${c(I)} y=${N} width=${Math.max(c(bt)-c(I),1.5)} height=${a}></rect>`);if(J&&typeof X=="number"){let I=p(ge(m)-X);Y.push(v`<line class="sun" x1=${c(I)} x2=${c(I)} y1=${N} y2=${N+a}></line>`)}});else if(S){for(let[m,b]of _(S))_e.push(v`<rect class="band" x=${c(m)} y=${r} width=${Math.max(c(b)-c(m),1.5)} height=${o}></rect>`);if(J&&typeof X=="number"){let m=p(ge(S)-X);Y.push(v`<line class="sun" x1=${c(m)} x2=${c(m)} y1=${r} y2=${r+o}></line>`)}}return g`
    <figure class="picture">
      <svg viewBox="0 0 ${x} ${l}" role="img" aria-label=${Ue}>
        <title>${Ue}</title>
        ${fe.map(({day:m,counted:b})=>v`<rect class=${b?"row":"row other"} x=${ue} y=${r+m*a} width=${u} height=${a}></rect>`)}
        ${_e}
        ${[0,6,12,18,24].map(m=>v`
            <line class="grid" x1=${c(m*60)} x2=${c(m*60)} y1=${r} y2=${r+o}></line>
            <text class="axis" x=${c(m*60)} y=${l-3} text-anchor=${m===24?"end":m===0?"start":"middle"}>${String(h?(h/60+m)%24:m).padStart(2,"0")}</text>`)}
        ${fe.map(({day:m,date:b,counted:k})=>m%yt===0||m===i-1?v`<text class=${k?"day":"day other"} x=${ue-4} y=${y(m)+2.5} text-anchor="end">${_t.format(b)} ${b.getDate()}</text>`:d)}
        ${Y}
        ${n.times.map(([m,b])=>{let k=f(m,b);if(k<0||k>=i)return d;let N=fe[m]?.counted??!0;return v`<circle class=${N?"dot":"dot other"} cx=${c(p(b))} cy=${y(k)} r=${$t}></circle>`})}
      </svg>
      <figcaption>
        ${S?g`<span class="key"><span class="swatch band"></span>${t("suggested_time")}
              ${pe(S[0])}–${pe(S[1])}</span>`:d}
        ${$.length<7?g`<span class="key"><span class="swatch other"></span>${t("other_days")}</span>`:d}
        ${J?g`<span class="key sun-text">${Y.length?g`<span class="swatch sun"></span>`:d}${J}</span>`:d}
      </figcaption>
    </figure>
  `}function Gt(n){return n<90?`${Math.round(n)} s`:`${Math.round(n/60)} min`}function Ft(n,e,t){let r=x-24-Pe,o=72,l=n.counts.reduce((y,$)=>y+$,0),u=Math.max(...n.counts,1),h=n.bin_seconds*n.counts.length||1,c=y=>24+Math.min(y,h)/h*r,p=r/Math.max(n.counts.length,1),f=t("delay_picture",{n:l,window:Gt(n.window_seconds)}),_=[0,h/2,h];return g`
    <figure class="picture">
      <svg viewBox="0 0 ${x} ${96}" role="img" aria-label=${f}>
        <title>${f}</title>
        <rect class="window" x=${24} y="6" width=${c(n.window_seconds)-24} height=${o}></rect>
        ${n.counts.map((y,$)=>{let w=y/u*(o-4);return v`<rect class="bar" x=${24+$*p+1} y=${6+o-w} width=${Math.max(p-2,1)} height=${w}><title>${$*n.bin_seconds}–${($+1)*n.bin_seconds} s: ${y}</title></rect>`})}
        <line class="grid" x1=${24} x2=${x-Pe} y1=${6+o} y2=${6+o}></line>
        ${e!==void 0?v`<line class="median" x1=${c(e)} x2=${c(e)} y1="6" y2=${6+o}></line>`:d}
        ${_.map((y,$)=>v`<text class="axis" x=${c(y)} y=${91} text-anchor=${["start","middle","end"][$]}>${Math.round(y)} s</text>`)}
        <text class="axis" x=${20} y="12" text-anchor="end">${u}</text>
      </svg>
      <figcaption>
        <span class="key"><span class="swatch bar"></span>${t("seconds_after")}</span>
        ${e!==void 0?g`<span class="key"><span class="swatch median"></span>${t("typical",{s:Math.round(e)})}</span>`:d}
        <span class="key"><span class="swatch window"></span>${f.split(";")[1]?.trim()??""}</span>
      </figcaption>
    </figure>
  `}function Zt(n){let e=n.replace(/_/g," ");return e.charAt(0).toUpperCase()+e.slice(1)}function Qt(n,e){let t=n.label||Zt(n.property),s=n.unit??"",{min:i,max:a,value:r}=n,o=typeof i=="number"&&typeof a=="number"&&a>i,l=o&&typeof r=="number"&&r>=i&&r<=a,u=r==null||typeof r=="object"?"":e("always",{value:typeof r=="number"&&s?`${r} ${s}`:r}),h=e("capability_picture",{device:n.device,capability:t}),c=l?8+(r-i)/(a-i)*(x-16):0;return g`
    <figure class="picture capability" role="img" aria-label=${h}>
      <div class="device">
        <svg viewBox="0 0 24 24" class="chip-icon" aria-hidden="true">
          <path d="M12,2A7,7 0 0,0 5,9C5,11.38 6.19,13.47 8,14.74V17A1,1 0 0,0 9,18H15A1,1 0 0,0 16,17V14.74C17.81,13.47 19,11.38 19,9A7,7 0 0,0 12,2M9,21A1,1 0 0,0 10,22H14A1,1 0 0,0 15,21V20H9V21Z"></path>
        </svg>
        <span class="device-name">${n.device}</span>
        <span class="capability-name">${t}</span>
      </div>
      ${o?g`<svg viewBox="0 0 ${x} 34" aria-hidden="true">
            <rect class="range" x="8" y="8" width=${x-16} height="8" rx="4"></rect>
            ${l?v`<circle class="usual" cx=${c} cy="12" r="6"></circle>`:d}
            <text class="axis" x="8" y="30">${i} ${s}</text>
            <text class="axis" x=${x-8} y="30" text-anchor="end">${a} ${s}</text>
          </svg>`:d}
      ${n.values?.length?g`<div class="values">
            ${n.values.map(p=>g`<span class=${p===r?"value usual":"value"}>${p}</span>`)}
          </div>`:d}
      <figcaption>
        <span class="key"><span class="swatch unused"></span>${e("unchanged")}</span>
        ${u?g`<span class="key seen"><span class="swatch usual"></span>${u}</span>`:d}
      </figcaption>
    </figure>
  `}var Yt=["right","near","wrong"];function ut(n){return Yt.includes(n)?n:"wrong"}function Jt(n,e){if(n.backtest_days?.length){let s=new Intl.DateTimeFormat(e,{weekday:"short",day:"numeric",month:"short"});return{unit:"days",cells:n.backtest_days.map(i=>{let a=new Date(`${i.date}T12:00:00`);return{result:ut(i.result),label:s.format(a),day:a}})}}let t=new Intl.DateTimeFormat(e,{weekday:"short",hour:"2-digit",minute:"2-digit"});return{unit:"times",cells:(n.backtest_triggers??[]).map(s=>({result:ut(s.result),label:t.format(new Date(s.at*1e3))}))}}function Xt(n,e,t){let{cells:s,unit:i}=Jt(n,t);if(!s.length)return d;let a=$=>s.filter(w=>w.result===$).length,r=n.backtest_right??a("right"),o=n.backtest_near??a("near"),l=n.backtest_wrong??a("wrong"),h=e(i==="days"?o?"backtest_days_near":"backtest_days":"backtest_times",{right:r,near:o,wrong:l,total:s.length}),c=s.length<=40?2:0,p=Math.max(Math.min(14,(x-8)/s.length-c),.5),f=i==="days"&&s.length<=14,_=p+4+(f?12:0),y=new Intl.DateTimeFormat(t,{weekday:"narrow"});return g`
    <figure class="picture backtest">
      <svg viewBox="0 0 ${x} ${_}" role="img" aria-label=${h}>
        <title>${h}</title>
        ${s.map(($,w)=>v`<rect class="cell ${$.result}" x=${4+w*(p+c)} y="2" width=${p} height=${p} rx=${c?2:0}><title>${$.label}: ${e($.result)}</title></rect>`)}
        ${f?s.map(($,w)=>$.day?v`<text class="axis" x=${4+w*(p+c)+p/2} y=${_-1} text-anchor="middle">${y.format($.day)}</text>`:d):d}
      </svg>
      <figcaption>
        <span class="key"><span class="swatch right"></span>${e("right")}</span>
        ${o?g`<span class="key"><span class="swatch near"></span>${e("near")}</span>`:d}
        <span class="key"><span class="swatch wrong"></span>${e("wrong")}</span>
        <span class="key backtest-text">${h}</span>
      </figcaption>
    </figure>
  `}function es(n,e){let{event:t,offset_minutes:s}=n;if(typeof t!="string"||typeof s!="number")return;let i=t==="sunset"||t==="sunrise"?e(t):t,a=Math.round(s),r=a===0?e("at_event",{event:i}):e(a>0?"after_event":"before_event",{min:Math.abs(a),event:i}),o=n.spread_minutes,l=n.clock_spread_minutes;return typeof o!="number"||typeof l!="number"?r:e("sun_spread",{relative:r,spread:Math.round(o),clock:Math.round(l)})}function ts(n,e){let t=n.members??[];if(!t.length)return d;let{t:s}=e,i=`started_${n.started_by??""}`,a=n.started_by&&s(i)!==i?s(i):"";return g`
    <figure class="picture group">
      <ul class="members">
        ${t.map(r=>g`<li class="member" data-entity=${r.entity_id}>
            <span class="member-name">${e.name(r.entity_id)}</span>
            <span class="member-state">${e.state(r.entity_id,r.state)}</span>
          </li>`)}
      </ul>
      <figcaption>
        ${typeof n.together=="number"?g`<span class="key">${s("together",{n:n.together,share:Math.round((n.share??0)*100)})}</span>`:d}
        ${a?g`<span class="key">${a}</span>`:d}
      </figcaption>
    </figure>
  `}function ss(n,e){let t=n.acted_days,s=n.undone_days;if(typeof t!="number"||typeof s!="number"||t<1)return d;let i=e("override_picture",{undone:s,acted:t}),a=Math.max(Math.min(14,(x-8)/t-2),1);return g`
    <figure class="picture override">
      <svg viewBox="0 0 ${x} ${a+4}" role="img" aria-label=${i}>
        <title>${i}</title>
        ${Array.from({length:t},(r,o)=>v`<rect class=${o<s?"cell undone":"cell kept"} x=${4+o*(a+2)} y="2" width=${a} height=${a} rx="2"></rect>`)}
      </svg>
      <figcaption>
        <span class="key"><span class="swatch undone"></span>${e("undone")}</span>
        <span class="key"><span class="swatch kept"></span>${e("kept")}</span>
        <span class="key override-text">${i}</span>
        ${n.suggestion_id?g`<a class="key" href="/config/automation/edit/ai_automation_${n.suggestion_id}">${e("open_editor")}</a>`:d}
      </figcaption>
    </figure>
  `}function ht(n,e){let{t}=e,s=n.automation??{},i=[],a=Array.isArray(s.triggers)?s.triggers:[];for(let o of a){let l=o.entity_id,u=String(o.to??"");if(typeof l!="string")continue;let h=l.split(".",1)[0];l==="zone.home"&&u==="0"?i.push(t("last_leaves")):l==="zone.home"&&u==="1"?i.push(t("first_arrives")):(h==="person"||h==="device_tracker")&&(u==="home"||u==="not_home")&&i.push(t(u==="home"?"arrives":"leaves",{name:e.name(l)}))}return((Array.isArray(s.conditions)?s.conditions:[]).some(o=>o.entity_id==="zone.home")||n.evidence?.away_days)&&i.push(t("someone_home")),i}function ns(n){let e=n.day_times;if(!e?.length)return;let t=r=>Math.round(Date.parse(`${r}T00:00:00Z`)/864e5),s=[...e.map(r=>r.date),...(n.backtest_days??[]).map(r=>r.date)],i=Math.min(...s.map(t)),a=Math.max(...s.map(t));return{first_day:new Date(i*864e5).toISOString().slice(0,10),days:a-i+1,times:e.map(r=>[t(r.date)-i,r.minute])}}function pt(n,e){let{t,language:s}=e,i=n.series??ns(n);return[ts(n,e),i?Kt(i,n,t,s):d,n.delays?Ft(n.delays,n.median_delay_seconds,t):d,n.capability?Qt(n.capability,t):d,Xt(n,t,s),ss(n,t)]}var gt=$e`
  :host {
    --aa-accent: var(--primary-color, #03a9f4);
    --aa-muted: var(--secondary-text-color, #727272);
    --aa-divider: var(--divider-color, rgba(0, 0, 0, 0.12));
    --aa-ok: var(--success-color, #43a047);
    --aa-bad: var(--error-color, #db4437);
    --aa-warn: var(--warning-color, #ffa600);
  }
  ha-card {
    overflow: hidden;
  }
  .card-title {
    font-size: var(--ha-card-header-font-size, 24px);
    font-weight: var(--ha-font-weight-normal, 400);
    color: var(--ha-card-header-color, var(--primary-text-color));
    padding: 16px 16px 0;
    margin: 0;
    line-height: 1.3;
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px 16px;
    padding: 12px 16px;
    border-bottom: 1px solid var(--aa-divider);
  }
  .health {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    flex: 1 1 240px;
  }
  .pill {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    font-size: 13px;
    padding: 2px 10px 2px 8px;
    border-radius: 14px;
    background: var(--secondary-background-color, rgba(127, 127, 127, 0.12));
    color: var(--primary-text-color);
    white-space: nowrap;
  }
  .dot {
    width: 8px;
    height: 8px;
    border-radius: 50%;
    background: var(--aa-muted);
    flex: none;
  }
  .dot.ok {
    background: var(--aa-ok);
  }
  .dot.bad {
    background: var(--aa-bad);
  }
  .dot.warn {
    background: var(--aa-warn);
  }
  .run {
    flex: 1 1 100%;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    font-size: 14px;
    color: var(--aa-muted);
  }
  .run strong {
    color: var(--primary-text-color);
    font-weight: 500;
  }
  button {
    font: inherit;
    font-size: 14px;
    font-weight: 500;
    letter-spacing: 0.01em;
    border-radius: var(--ha-button-border-radius, 18px);
    min-height: 36px;
    padding: 0 16px;
    cursor: pointer;
    border: 1px solid var(--aa-accent);
    background: transparent;
    color: var(--aa-accent);
  }
  button.primary {
    background: var(--aa-accent);
    color: var(--text-primary-color, #fff);
  }
  button:disabled {
    cursor: default;
    opacity: 0.5;
  }
  button:focus-visible,
  summary:focus-visible,
  a:focus-visible {
    outline: 2px solid var(--aa-accent);
    outline-offset: 2px;
  }
  .empty,
  .error {
    padding: 16px;
    color: var(--aa-muted);
    font-size: 14px;
    line-height: 1.5;
    margin: 0;
  }
  .error {
    color: var(--aa-bad);
  }
  ul.suggestions {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li.suggestion {
    padding: 16px;
    border-bottom: 1px solid var(--aa-divider);
  }
  li.suggestion:last-child {
    border-bottom: none;
  }
  .kind {
    display: inline-block;
    font-size: 11px;
    font-weight: 500;
    text-transform: uppercase;
    letter-spacing: 0.06em;
    color: var(--aa-accent);
    margin-bottom: 2px;
  }
  h3 {
    font-size: 16px;
    font-weight: 500;
    margin: 0 0 4px;
    color: var(--primary-text-color);
    line-height: 1.35;
  }
  p.evidence {
    font-size: 14px;
    margin: 0 0 8px;
    color: var(--aa-muted);
    line-height: 1.45;
  }
  figure.picture {
    margin: 8px 0;
    /* (the labels' size follows the picture's width: see the container query below) */
    container-type: inline-size;
  }
  figure.picture svg {
    display: block;
    width: 100%;
    height: auto;
    max-height: 260px;
  }
  figcaption {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 14px;
    font-size: 12px;
    color: var(--aa-muted);
    margin-top: 4px;
  }
  .key {
    display: inline-flex;
    align-items: center;
    gap: 5px;
  }
  .swatch {
    width: 10px;
    height: 10px;
    border-radius: 2px;
    display: inline-block;
  }
  .swatch.band {
    background: color-mix(in srgb, var(--aa-accent) 35%, transparent);
    box-shadow: inset 0 0 0 1px var(--aa-accent);
  }
  .swatch.other {
    background: var(--disabled-text-color, #bdbdbd);
  }
  .swatch.bar {
    background: var(--aa-accent);
  }
  .swatch.median {
    width: 2px;
    background: var(--primary-text-color);
  }
  .swatch.window,
  .swatch.unused {
    background: var(--aa-divider);
  }
  .swatch.usual {
    background: var(--aa-accent);
    border-radius: 50%;
  }
  .swatch.right,
  .swatch.kept {
    background: var(--aa-ok);
  }
  .swatch.near {
    background: var(--aa-warn);
  }
  .swatch.wrong,
  .swatch.undone {
    background: var(--aa-bad);
  }
  .swatch.sun {
    width: 2px;
    background: var(--aa-warn);
  }
  svg .row {
    fill: transparent;
  }
  svg .row.other {
    fill: var(--aa-divider);
    opacity: 0.5;
  }
  /* Edged, so that the band stands out on a dark card as on a light one. */
  svg .band {
    fill: var(--aa-accent);
    fill-opacity: 0.28;
    stroke: var(--aa-accent);
    stroke-opacity: 0.8;
    stroke-width: 0.8;
  }
  svg .grid {
    stroke: var(--aa-divider);
    stroke-width: 0.6;
  }
  svg text {
    font-family: var(--ha-font-family-body, var(--paper-font-body1_-_font-family, sans-serif));
  }
  svg .axis,
  svg .day {
    font-size: 9px;
    fill: var(--aa-muted);
  }
  /* A picture is drawn 320 units wide: at a phone's width 9 units would be 8 pixels. */
  @container (max-width: 420px) {
    svg .axis,
    svg .day {
      font-size: 11px;
    }
  }
  svg .day.other {
    opacity: 0.5;
  }
  svg .dot {
    fill: var(--aa-accent);
  }
  svg .dot.other {
    fill: var(--disabled-text-color, #bdbdbd);
  }
  svg .bar {
    fill: var(--aa-accent);
  }
  svg .window {
    fill: var(--aa-divider);
    opacity: 0.45;
  }
  svg .median {
    stroke: var(--primary-text-color);
    stroke-width: 1.2;
    stroke-dasharray: 3 2;
  }
  svg .range {
    fill: var(--aa-divider);
  }
  svg .usual {
    fill: var(--aa-accent);
    stroke: var(--card-background-color, #fff);
    stroke-width: 2;
  }
  svg .cell.right,
  svg .cell.kept {
    fill: var(--aa-ok);
  }
  svg .cell.near {
    fill: var(--aa-warn);
  }
  svg .cell.wrong,
  svg .cell.undone {
    fill: var(--aa-bad);
  }
  svg .sun {
    stroke: var(--aa-warn);
    stroke-width: 1.5;
  }
  .badge {
    display: inline-block;
    font-size: 11px;
    padding: 1px 8px;
    margin: 0 0 2px 6px;
    border-radius: 10px;
    background: var(--secondary-background-color, rgba(127, 127, 127, 0.12));
    color: var(--primary-text-color);
    vertical-align: 1px;
  }
  ul.members {
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    margin: 0;
    padding: 0;
  }
  li.member {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    font-size: 13px;
    padding: 2px 4px 2px 10px;
    border-radius: 14px;
    border: 1px solid var(--aa-divider);
    color: var(--primary-text-color);
  }
  .member-state {
    font-size: 12px;
    padding: 1px 8px;
    border-radius: 10px;
    background: var(--aa-accent);
    color: var(--text-primary-color, #fff);
  }
  figcaption a {
    color: var(--aa-accent);
  }
  .capability .device {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px 10px;
    font-size: 14px;
  }
  figure.picture svg.chip-icon {
    width: 20px;
    height: 20px;
    flex: none;
    fill: var(--state-icon-color, var(--aa-muted));
  }
  .device-name {
    font-weight: 500;
    color: var(--primary-text-color);
  }
  .capability-name,
  .value {
    font-size: 12px;
    padding: 2px 8px;
    border-radius: 10px;
    background: var(--secondary-background-color, rgba(127, 127, 127, 0.12));
    color: var(--primary-text-color);
  }
  .value.usual {
    background: var(--aa-accent);
    color: var(--text-primary-color, #fff);
  }
  .values {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
    margin-top: 8px;
  }
  details {
    margin: 8px 0;
    font-size: 14px;
  }
  summary {
    cursor: pointer;
    color: var(--aa-accent);
    padding: 4px 0;
    border-radius: 4px;
  }
  pre {
    margin: 6px 0 0;
    padding: 8px 12px;
    overflow-x: auto;
    font-family: var(--ha-font-family-code, var(--code-font-family, monospace));
    font-size: 12.5px;
    line-height: 1.5;
    border-radius: 8px;
    background: var(--code-editor-background-color, var(--secondary-background-color, rgba(127, 127, 127, 0.1)));
    color: var(--primary-text-color);
  }
  .hint {
    font-size: 13px;
    color: var(--aa-muted);
    margin: 6px 0 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    justify-content: flex-end;
    margin-top: 8px;
  }
  .done {
    font-size: 14px;
    color: var(--primary-text-color);
  }
  .done a {
    color: var(--aa-accent);
    font-weight: 500;
  }
  ul.undoable {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .undoable li {
    padding: 12px 16px;
    border-bottom: 1px solid var(--aa-divider);
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
  }
  .more {
    padding: 8px 16px 12px;
    font-size: 13px;
    color: var(--aa-muted);
  }
`;var U="ai_automation",He="ai-automation-card",De=5,mt=30,is=10,as=["mqtt_broker","zigbee2mqtt_bridge","last_run","last_run_status","suggestions_open"];function me(n){return n&&typeof n=="object"&&"message"in n?String(n.message):String(n)}function ft(n){let e=n.replace(/_/g," ");return e.charAt(0).toUpperCase()+e.slice(1)}var Q=class extends A{constructor(){super();this._entityIds={};this._watched="";this._request=0;this._total=0,this._running=!1,this._busy=new Set,this._created=[],this._undoable=[]}disconnectedCallback(){super.disconnectedCallback();for(let t of this._undoable)window.clearTimeout(t.timer);this._undoable=[]}static getConfigElement(){return document.createElement("ai-automation-card-editor")}static getStubConfig(){return{show_header:!0,max_suggestions:De}}setConfig(t){if(!t||typeof t!="object")throw new Error("Invalid configuration");if(t.kinds!==void 0&&!Array.isArray(t.kinds))throw new Error("kinds must be a list");if(t.areas!==void 0&&!Array.isArray(t.areas))throw new Error("areas must be a list");let s=JSON.stringify(t)!==JSON.stringify(this._config);this._config=t,s&&this.hass&&this._refresh()}getCardSize(){let t=this._suggestions?.length??Math.min(this._config?.max_suggestions??De,3);return(this._config?.show_header===!1?1:3)+5*Math.max(t,1)}getGridOptions(){return{columns:12,min_columns:6,rows:"auto"}}get _t(){return G(this.hass?.locale?.language??this.hass?.language)}get _language(){return this.hass?.locale?.language??this.hass?.language??"en"}_entity(t){if(!this._entityIds[t]&&this.hass?.entities)for(let i of Object.values(this.hass.entities))i.platform===U&&i.translation_key&&(this._entityIds[i.translation_key]=i.entity_id);let s=this._entityIds[t];return s?this.hass?.states[s]:void 0}willUpdate(t){if(!t.has("hass")||!this.hass)return;let s=as.slice(2).map(i=>this._entity(i)?.state??"").join("|");(s!==this._watched||this._status===void 0)&&(this._watched=s,this._refresh())}get _context(){let t=this.hass;return{t:this._t,language:this._language,name:s=>{let i=t?.states[s]?.attributes.friendly_name;return typeof i=="string"&&i?i:ft(s.split(".").slice(1).join("."))},state:(s,i)=>{let a=t?.states[s];return a&&t?.formatEntityState?t.formatEntityState(a,i):i}}}async _refresh(){if(!this.hass||!this._config)return;let t=++this._request,s={type:`${U}/suggestions`,status:"new",limit:this._config.max_suggestions??De};this._config.kinds?.length&&(s.kinds=this._config.kinds),this._config.areas?.length&&(s.area_ids=this._config.areas);try{let[i,a]=await Promise.all([this.hass.callWS({type:`${U}/status`}),this.hass.callWS(s)]);if(t!==this._request)return;this._status=i,this._suggestions=a.suggestions,this._total=a.total,this._error=void 0}catch(i){if(t!==this._request)return;let a=i&&typeof i=="object"&&"code"in i?i.code:void 0;this._error=a==="not_loaded"?this._t("not_loaded"):this._t("load_error",{error:me(i)})}}async _runAnalysis(){if(this.hass){this._running=!0;try{await this.hass.callService(U,"run_analysis",{})}catch(t){this._error=this._t("action_failed",{error:me(t)})}finally{this._running=!1}await this._refresh()}}async _decide(t,s){if(this.hass){this._busy=new Set([...this._busy,t.id]);try{let i=await this.hass.callWS({type:`${U}/suggestions/handle`,suggestion_id:t.id,decision:s,...s==="snooze"?{days:mt}:{}});(s==="snooze"||s==="dismiss")&&this._offerUndo(t,s),s==="accept"&&(this._created=[...this._created,{id:t.id,title:i.title,automationId:i.automation_id??`${U}_${t.id}`}]),this._suggestions=this._suggestions?.filter(a=>a.id!==t.id),this._error=void 0}catch(i){this._error=this._t("action_failed",{error:me(i)})}finally{let i=new Set(this._busy);i.delete(t.id),this._busy=i}await this._refresh()}}_offerUndo(t,s){let i=window.setTimeout(()=>this._forgetUndo(t.id),is*1e3);this._forgetUndo(t.id),this._undoable=[...this._undoable,{id:t.id,title:t.title,decision:s,timer:i}]}_forgetUndo(t){let s=this._undoable.find(i=>i.id===t);s&&(window.clearTimeout(s.timer),this._undoable=this._undoable.filter(i=>i.id!==t))}async _undo(t){if(this.hass){this._forgetUndo(t.id);try{await this.hass.callWS({type:`${U}/suggestions/handle`,suggestion_id:t.id,decision:"restore"}),this._error=void 0}catch(s){this._error=this._t("action_failed",{error:me(s)})}await this._refresh()}}render(){let t=this._t;return g`
      <ha-card>
        ${this._config?.show_header===!1?d:this._renderHeader(t)}
        ${this._error?g`<p class="error" role="alert">${this._error}</p>`:d}
        ${this._created.length?g`<ul class="suggestions created" aria-live="polite">
              ${this._created.map(s=>g`<li class="suggestion done" data-id=${s.id}>
                  <span>${t("created",{title:s.title})}</span> ·
                  <a href="/config/automation/edit/${s.automationId}">${t("open_editor")}</a>
                </li>`)}
            </ul>`:d}
        ${this._undoable.length?g`<ul class="undoable" role="status" aria-live="polite">
              ${Ce(this._undoable,s=>s.id,s=>g`<li class="done" data-undo=${s.id} data-decision=${s.decision}>
                  <span>${s.decision==="snooze"?t("snoozed_notice",{days:mt,title:s.title}):t("dismissed_notice",{title:s.title})}</span>
                  <button class="undo" @click=${()=>this._undo(s)}>${t("undo")}</button>
                </li>`)}
            </ul>`:d}
        ${this._renderSuggestions(t)}
      </ha-card>
    `}_renderHeader(t){let s=this._entity("mqtt_broker")?.state,i=this._entity("zigbee2mqtt_bridge")?.state,a=t(s==="on"?"connected":s==="off"?"disconnected":"unknown"),r=t(i==="on"?"online":i==="off"?"offline":i==="unknown"?"not_seen":"unknown"),o=this._status?.last_run??{},l=this._running||this._status?.running||this._entity("last_run_status")?.state==="running",u=[];if(l)u.push(t("status_running"));else if(o.status){let h=`status_${o.status}`;u.push(t(h)===h?o.status:t(h)),o.success&&(u.push(t("changes_read",{n:o.events_analysed??0})),u.push(t("new_suggestions",{n:o.suggestions_generated??0})))}return g`
      <h2 class="card-title">${t("card_name")}</h2>
      <div class="header">
        <div class="health">
          <span class="pill broker"><span class="dot ${s==="on"?"ok":"bad"}"></span>${t("broker")}: ${a}</span>
          <span class="pill bridge"><span class="dot ${i==="on"?"ok":i==="off"?"bad":"warn"}"></span>${t("bridge")}: ${r}</span>
        </div>
        <div class="run">
          <span class="last-run">${t("last_analysis")}:
            <strong title=${o.timestamp?new Date(o.timestamp).toLocaleString(this._language):""}>${o.timestamp?this._ago(o.timestamp):t("never")}</strong>${u.length?` · ${u.join(" · ")}`:""}</span>
          <button class="run-analysis" ?disabled=${l} @click=${this._runAnalysis}>
            ${t(l?"running":"run_analysis")}
          </button>
        </div>
      </div>
    `}_ago(t){let s=(new Date(t).getTime()-Date.now())/1e3,i=new Intl.RelativeTimeFormat(this._language,{numeric:"auto"}),a=[["day",86400],["hour",3600],["minute",60]];for(let[r,o]of a)if(Math.abs(s)>=o)return i.format(Math.round(s/o),r);return i.format(Math.min(0,Math.round(s)),"second")}_emptyText(t){let s=this._status,i=s?.last_run??{};if(!i.status)return t("no_run");if(i.status==="failed")return t("failed",{error:i.error??""});let a=i.history_days;return a!==void 0&&s&&a<s.min_days?t("short_history",{days:Math.floor(a),min:s.min_days}):t("nothing_found",{events:i.events_analysed??0})}_renderSuggestions(t){if(this._suggestions===void 0)return d;if(!this._suggestions.length)return g`<p class="empty">${this._emptyText(t)}</p>`;let s=this._total-this._suggestions.length;return g`
      <ul class="suggestions">
        ${Ce(this._suggestions,i=>i.id,i=>this._renderSuggestion(i,t))}
      </ul>
      ${s>0?g`<div class="more">${t("more",{n:s})}</div>`:d}
    `}_renderSuggestion(t,s){let i=`kind_${t.kind}`,a=s(i)===i?ft(t.kind):s(i),r=this._busy.has(t.id),o=this._status?.decisions??["accept","dismiss"],l=`title-${t.id}`,u=t.ai_worded&&t.evidence_text&&t.evidence_text!==t.description?t.evidence_text:void 0,h=this._context,c=ht(t,h);return g`
      <li class="suggestion" data-id=${t.id} data-kind=${t.kind}>
        <span class="kind">${a}</span>
        ${c.map(p=>g`<span class="badge presence">${p}</span>`)}
        <h3 id=${l}>${t.title}</h3>
        <p class="evidence">${t.description}${u?g`<br />${u}`:d}</p>
        ${pt(t.evidence??{},h)}
        ${t.automation?g`<details>
              <summary>${s("show_automation")}</summary>
              <pre>${ct(t.automation)}</pre>
            </details>`:g`<p class="hint">${s("no_automation")}</p>`}
        <div class="actions">
          ${o.includes("snooze")?g`<button class="snooze" aria-describedby=${l} ?disabled=${r}
                @click=${()=>this._decide(t,"snooze")}>${s("snooze")}</button>`:d}
          <button class="dismiss" aria-describedby=${l} ?disabled=${r}
            @click=${()=>this._decide(t,"dismiss")}>${s("dismiss")}</button>
          ${t.automation?g`<button class="accept primary" aria-describedby=${l} ?disabled=${r}
                @click=${()=>this._decide(t,"accept")}>${s("accept")}</button>`:d}
        </div>
      </li>
    `}};Q.styles=gt,Q.properties={hass:{attribute:!1},_config:{state:!0},_status:{state:!0},_suggestions:{state:!0},_total:{state:!0},_error:{state:!0},_running:{state:!0},_busy:{state:!0},_created:{state:!0},_undoable:{state:!0}};function rs(){if(customElements.get("ai-automation-card-editor")||customElements.define("ai-automation-card-editor",F),customElements.get(He))return;customElements.define(He,Q);let n=G(dt());window.customCards=window.customCards??[],window.customCards.push({type:He,name:n("card_name"),description:n("card_description"),preview:!0,documentationURL:"https://github.com/ai-automation-team/ai_automation#dashboard-card"})}customElements.whenDefined("home-assistant").then(rs);export{Q as AiAutomationCard};
/*! Bundled license information:

@lit/reactive-element/css-tag.js:
  (**
   * @license
   * Copyright 2019 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

@lit/reactive-element/reactive-element.js:
lit-html/lit-html.js:
lit-element/lit-element.js:
lit-html/directive.js:
lit-html/directives/repeat.js:
  (**
   * @license
   * Copyright 2017 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

lit-html/is-server.js:
  (**
   * @license
   * Copyright 2022 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

lit-html/directive-helpers.js:
  (**
   * @license
   * Copyright 2020 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)
*/
